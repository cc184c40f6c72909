using InterviewPrep.Web.Features.Certifications;

namespace InterviewPrep.Tests.Features.Certifications;

public sealed class ExamScoringTests
{
    private static readonly IReadOnlyList<BlueprintDomain> Blueprint =
        [new("design", "Design", 60), new("ops", "Operations", 40)];

    private static ScoredItem Item(string domain, ExamMark? mark) => new(Guid.NewGuid().ToString("N"), domain, mark);

    [Fact]
    public void DomainsCountByTheirWeight_NotByTheirQuestionCount()
    {
        // Design: 1 of 4 correct (25%); operations: 1 of 1 correct (100%).
        // Unweighted that is 2 of 5 = 40%; weighted 0.6 × 25 + 0.4 × 100 = 55%.
        var card = ExamScoring.Score(
            [Item("design", ExamMark.Correct), Item("design", ExamMark.Wrong), Item("design", ExamMark.Wrong), Item("design", null), Item("ops", ExamMark.Correct)],
            Blueprint, passingScore: 55);

        Assert.Equal(55, card.Percent, 6);
        Assert.True(card.Passed);
        Assert.Equal(25, card.Domains.Single(d => d.Domain == "design").Percent, 6);
        Assert.Equal(1, card.Domains.Single(d => d.Domain == "design").Unmarked);
        Assert.Equal(["design", "ops"], card.Domains.Select(d => d.Domain));
    }

    [Fact]
    public void PartlyCorrect_IsHalfACredit_AndBelowThePassingScoreFails()
    {
        var card = ExamScoring.Score([Item("design", ExamMark.Partly), Item("ops", ExamMark.Partly)], Blueprint, passingScore: 70);

        Assert.Equal(50, card.Percent, 6);
        Assert.False(card.Passed);
    }

    [Fact]
    public void QuestionsInNoDomain_CountAsAnAverageQuestion()
    {
        // Design 2 questions (100%), general 2 questions (0%): general weighs 2 × 60 / 2 = 60, as much as design.
        var card = ExamScoring.Score(
            [Item("design", ExamMark.Correct), Item("design", ExamMark.Correct), Item("general", ExamMark.Wrong), Item("unknown-domain", ExamMark.Wrong)],
            Blueprint, 70);

        Assert.Equal(50, card.Percent, 6);
        Assert.Equal(2, card.Domains.Single(d => d.Domain == "general").Questions);
        Assert.Equal("general", card.Domains[^1].Domain);
    }

    [Fact]
    public void ACertificationWithoutDomains_ScoresEveryQuestionEqually()
    {
        var card = ExamScoring.Score([Item("general", ExamMark.Correct), Item("general", ExamMark.Wrong), Item("general", ExamMark.Partly)], [], 50);

        Assert.Equal(50, card.Percent, 6);
        Assert.True(card.Passed);
    }

    [Fact]
    public void NothingAnswered_ScoresZero()
    {
        Assert.Equal(0, ExamScoring.Score([], Blueprint, 70).Percent);
        Assert.Equal(0, ExamScoring.Score([Item("design", null), Item("ops", null)], Blueprint, 70).Percent);
    }
}
