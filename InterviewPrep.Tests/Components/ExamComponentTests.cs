using Bunit;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Certifications;

namespace InterviewPrep.Tests.Components;

/// <summary>The pieces of an attempt's pages: the navigator, multiple-choice options, marks and key terms.</summary>
public sealed class ExamComponentTests
{
    [Fact]
    public async Task TheNavigator_TellsAnsweredFlaggedAndUnanswered_AndMovesOnClick()
    {
        await using var ctx = ComponentTestContext.Create();
        var states = new Dictionary<string, ItemState>
        {
            ["a"] = new() { Answer = "an answer" },
            ["b"] = new() { Answer = "  ", Flagged = true },
        };
        var went = -1;

        var nav = ctx.Render<ExamNavigator>(p => p
            .Add(n => n.Items, ["a", "b", "c"])
            .Add(n => n.States, states)
            .Add(n => n.Current, 2)
            .Add(n => n.Timed, true)
            .Add(n => n.OnGo, i => went = i));

        var buttons = nav.FindAll("[data-testid=exam-nav-item]");
        Assert.Equal(["answered", "unanswered", "unanswered"], buttons.Select(b => b.GetAttribute("data-state")));
        Assert.Equal("Question 2: unanswered, flagged", buttons[1].GetAttribute("aria-label"));
        Assert.Equal("step", buttons[2].GetAttribute("aria-current"));
        await buttons[1].ClickAsync(new());
        Assert.Equal(1, went);
    }

    [Fact]
    public void Choices_ShowTheCorrectAndTheChosenOnlyOnceMarked()
    {
        using var ctx = ComponentTestContext.Create();
        QuestionOption[] options = [new("a", "A heap", false), new("b", "A B-tree", true)];

        var asking = ctx.Render<ChoiceList>(p => p.Add(c => c.Options, options).Add(c => c.Chosen, "a"));
        Assert.Null(asking.Find("[data-option=b]").GetAttribute("data-correct"));
        Assert.DoesNotContain("correct answer", asking.Markup);

        var marked = ctx.Render<ChoiceList>(p => p.Add(c => c.Options, options).Add(c => c.Chosen, "a").Add(c => c.ShowAnswer, true));
        Assert.Equal("true", marked.Find("[data-option=b]").GetAttribute("data-correct"));
        Assert.Contains("your choice", marked.Find("[data-option=a]").TextContent);
        Assert.Contains("wrong", marked.Find("[data-option=a]").ClassName);
        Assert.All(marked.FindAll("input"), i => Assert.True(i.HasAttribute("disabled")));
    }

    [Fact]
    public async Task MarkButtons_PointOutTheSuggestion_UntilTheLearnerDecides()
    {
        await using var ctx = ComponentTestContext.Create();
        ExamMark? chosen = null;

        var undecided = ctx.Render<MarkButtons>(p => p.Add(m => m.Suggested, ExamMark.Partly).Add(m => m.OnMark, m => chosen = m));
        Assert.Contains("Partly correct (suggested)", undecided.Find("[data-testid=mark-partly]").TextContent);
        await undecided.Find("[data-testid=mark-correct]").ClickAsync(new());
        Assert.Equal(ExamMark.Correct, chosen);

        var decided = ctx.Render<MarkButtons>(p => p.Add(m => m.Suggested, ExamMark.Partly).Add(m => m.Mark, ExamMark.Wrong));
        Assert.DoesNotContain("(suggested)", decided.Markup);
        Assert.Equal("true", decided.Find("[data-testid=mark-wrong]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void KeyTerms_SayWhichTheTextCovered()
    {
        using var ctx = ComponentTestContext.Create();
        var coverage = new Coverage([new("traffic", true), new("endpoints", false)], ExamMark.Partly);

        var list = ctx.Render<KeyTermList>(p => p.Add(k => k.Coverage, coverage).Add(k => k.Written, true));

        Assert.Contains("your text covered 1 of 2", list.Markup);
        Assert.Equal(["true", "false"], list.FindAll("[data-covered]").Select(li => li.GetAttribute("data-covered")));
        Assert.Contains("missed:", list.FindAll("li")[1].TextContent);
    }
}
