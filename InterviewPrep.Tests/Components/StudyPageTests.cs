using Bunit;
using Bunit.TestDoubles;
using InterviewPrep.Data.Content.Search;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Features.Study;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Components;

/// <summary>The study controls over a real database: reveal, next and previous, the recall box, bookmarks.</summary>
public sealed class StudyPageTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private BunitContext Context(string? user)
    {
        return ComponentTestContext.Create(ctx =>
        {
            var auth = ctx.AddAuthorization();
            if (user is not null)
            {
                auth.SetAuthorized(user).SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, user));
            }

            ctx.Services.AddSingleton(_db.StudyService());
            ctx.Services.AddSingleton(_db.ReviewService());
            var sessions = new InterviewPrep.Web.Features.Sessions.SessionService(_db.Factory, TimeProvider.System);
            ctx.Services.AddSingleton(sessions);
            ctx.Services.AddSingleton(new InterviewPrep.Web.Features.Sessions.SessionSummaries(sessions, _db.ReviewService()));
            ctx.Services.AddSingleton(new InterviewPrep.Web.Features.LearningPaths.PathEnrollments(_db.Factory, TimeProvider.System));
            ctx.Services.AddSingleton(new QuestionPageService(_db.Factory, new ContentHtml(), new ChannelCatalog(_db.Factory)));
            ctx.JSInterop.SetupModule("./js/study.js");
        });
    }

    [Fact]
    public async Task RevealShowsTheAnswer_AndNextMovesTheUrl()
    {
        await using var ctx = Context(user: null);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("study/databases");

        var page = ctx.Render<StudyPage>(p => p.Add(s => s.ChannelId, "databases"));

        page.WaitForAssertion(() => Assert.Equal("1 / 8", page.Find("[data-testid=study-progress]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=recall]"))); // the question itself, once read
        Assert.Empty(page.FindAll("[data-testid=answer]"));
        Assert.Empty(page.FindAll("[data-testid=bookmark]"));
        page.Find("[data-testid=recall]").Input("sorted keys");
        await page.Find("[data-testid=reveal]").ClickAsync(new());
        Assert.Contains("sorted keys", page.Find(".recall-echo").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=answer]"));

        var first = page.Find("[data-testid=study]").GetAttribute("data-question-id");
        await page.Find("[data-testid=next]").ClickAsync(new());
        var second = page.Find("[data-testid=study]").GetAttribute("data-question-id");
        Assert.NotEqual(first, second);
        Assert.EndsWith($"study/databases?question={second}", navigation.Uri);
        Assert.Equal("2 / 8", page.Find("[data-testid=study-progress]").TextContent.Trim());
    }

    [Fact]
    public async Task TheLastQuestion_OffersFinish_WhichEndsTheSession_WithASummary()
    {
        await using var ctx = Context(user: "learner-finish");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("study/databases?at=7");
        var page = ctx.Render<StudyPage>(p => p.Add(s => s.ChannelId, "databases"));
        page.WaitForAssertion(() => Assert.Equal("7 / 8", page.Find("[data-testid=study-progress]").TextContent.Trim()));
        await page.Find("[data-testid=reveal]").ClickAsync(new());
        await page.Find("[data-testid=self-grade-1]").ClickAsync(new());
        Assert.Empty(page.FindAll("[data-testid=finish]"));

        await page.Find("[data-testid=next]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("8 / 8", page.Find("[data-testid=study-progress]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=next]"));
        await page.Find("[data-testid=reveal]").ClickAsync(new());
        await page.Find("[data-testid=self-grade-4]").ClickAsync(new());
        await page.Find("[data-testid=finish]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=session-summary]")));
        Assert.Equal("2of 8 answered", page.Find("[data-testid=summary-answered]").TextContent.Trim());
        Assert.Equal("50%remembered", page.Find("[data-testid=summary-remembered]").TextContent.Trim());
        Assert.Contains("Again 1", page.Find("[data-testid=summary-grades]").TextContent);
        Assert.Contains("Easy 1", page.Find("[data-testid=summary-grades]").TextContent);
        Assert.Equal("channels/databases", page.Find("[data-testid=summary-back]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=study]"));
        var session = Assert.Single(await new InterviewPrep.Web.Features.Sessions.SessionService(_db.Factory, TimeProvider.System).ListAsync("learner-finish"));
        Assert.Equal(InterviewPrep.Data.Entities.SessionStatus.Completed, session.Status);
    }

    [Fact]
    public async Task Keys_DriveTheSameControls()
    {
        await using var ctx = Context(user: null);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("study/databases?at=3");

        var page = ctx.Render<StudyPage>(p => p.Add(s => s.ChannelId, "databases"));
        page.WaitForAssertion(() => Assert.Equal("3 / 8", page.Find("[data-testid=study-progress]").TextContent.Trim()));

        await page.InvokeAsync(() => page.Instance.OnKeyAsync(" "));
        Assert.NotEmpty(page.FindAll("[data-testid=answer]"));
        await page.InvokeAsync(() => page.Instance.OnKeyAsync("?"));
        Assert.NotEmpty(page.FindAll("[data-testid=keyboard-help]"));
        // Behind the help nothing moves; Escape closes it.
        await page.InvokeAsync(() => page.Instance.OnKeyAsync("ArrowLeft"));
        Assert.Equal("3 / 8", page.Find("[data-testid=study-progress]").TextContent.Trim());
        await page.InvokeAsync(() => page.Instance.OnKeyAsync("Escape"));
        Assert.Empty(page.FindAll("[data-testid=keyboard-help]"));
        await page.InvokeAsync(() => page.Instance.OnKeyAsync("ArrowLeft"));
        Assert.Equal("2 / 8", page.Find("[data-testid=study-progress]").TextContent.Trim());
        Assert.Contains("question=", ctx.Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task SignedInLearner_CanBookmark()
    {
        await using var ctx = Context(user: "learner-1");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("study/databases");

        var page = ctx.Render<StudyPage>(p => p.Add(s => s.ChannelId, "databases"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=bookmark]")));
        Assert.Equal("false", page.Find("[data-testid=bookmark]").GetAttribute("aria-pressed"));

        await page.Find("[data-testid=bookmark]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=bookmark]").GetAttribute("aria-pressed")));
        var id = page.Find("[data-testid=study]").GetAttribute("data-question-id")!;
        var study = ctx.Services.GetRequiredService<StudyService>();
        Assert.True(await study.IsBookmarkedAsync("learner-1", id));
    }

    [Fact]
    public async Task ASelfGrade_PutsTheQuestionInReview_Once()
    {
        await using var ctx = Context(user: "learner-2");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("study/databases");
        var page = ctx.Render<StudyPage>(p => p.Add(s => s.ChannelId, "databases"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=reveal]")));

        await page.InvokeAsync(() => page.Instance.OnKeyAsync("3"));
        Assert.Empty(page.FindAll("[data-testid=self-grade]"));
        await page.InvokeAsync(() => page.Instance.OnKeyAsync(" "));
        await page.InvokeAsync(() => page.Instance.OnKeyAsync("3"));
        await page.InvokeAsync(() => page.Instance.OnKeyAsync("1"));

        Assert.Contains("Graded Good: it comes back in review in 10m", page.Find("[data-testid=self-grade-status]").TextContent);
        Assert.Equal("true", page.Find("[data-testid=self-grade-3]").GetAttribute("aria-pressed"));
        var id = page.Find("[data-testid=study]").GetAttribute("data-question-id")!;
        await using var db = _db.CreateContext();
        var log = Assert.Single(db.ReviewLogs.Where(l => l.LearnerId == "learner-2"));
        Assert.Equal((id, 3), (log.QuestionId, log.Grade));
    }

    [Fact]
    public async Task ANote_IsSavedWhenTheLearnerMovesOn_AndComesBackWithTheQuestion()
    {
        await using var ctx = Context(user: "learner-3");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("study/databases");
        var page = ctx.Render<StudyPage>(p => p.Add(s => s.ChannelId, "databases"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=open-note]")));
        var id = page.Find("[data-testid=study]").GetAttribute("data-question-id")!;

        page.WaitForAssertion(() => Assert.Equal("false", page.Find("[data-testid=note-panel]").GetAttribute("aria-busy"))); // the saved note read
        await page.InvokeAsync(() => page.Instance.OnKeyAsync("n"));
        page.Find("[data-testid=note]").Input("normal forms: 1NF atomic");
        page.WaitForAssertion(() => Assert.Contains("Not saved yet", page.Find("[data-testid=note-status]").TextContent));
        await page.Find("[data-testid=next]").ClickAsync(new());

        var study = ctx.Services.GetRequiredService<StudyService>();
        Assert.Equal("normal forms: 1NF atomic", await study.GetNoteAsync("learner-3", id));
        Assert.NotEmpty(page.FindAll("[data-testid=open-note]"));
        await page.Find("[data-testid=previous]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("normal forms: 1NF atomic", page.Find("[data-testid=note]").GetAttribute("value")));

        page.Find("[data-testid=note]").Input(new string('x', 5001));
        await page.Find("[data-testid=save-note]").ClickAsync(new());
        Assert.Contains("at most 5,000 characters", page.Find("[data-testid=note-status]").TextContent);
        Assert.Equal("normal forms: 1NF atomic", await study.GetNoteAsync("learner-3", id));

        // Moving on would lose the text: the learner stays on the question until the note fits.
        await page.Find("[data-testid=next]").ClickAsync(new());
        Assert.Equal(id, page.Find("[data-testid=study]").GetAttribute("data-question-id"));
        Assert.Equal(5001, page.Find("[data-testid=note]").GetAttribute("value")!.Length);
    }

    [Fact]
    public async Task OnParametersSet_UnknownQuestionId_SaysSoAndKeepsTheSavedPosition()
    {
        var sessions = new InterviewPrep.Web.Features.Sessions.SessionService(_db.Factory, TimeProvider.System);
        await using (var first = Context(user: "learner-5"))
        {
            first.Services.GetRequiredService<NavigationManager>().NavigateTo("study/databases?at=3");
            var started = first.Render<StudyPage>(p => p.Add(s => s.ChannelId, "databases"));
            started.WaitForAssertion(() => Assert.Equal("3 / 8", started.Find("[data-testid=study-progress]").TextContent.Trim()));

            // The position is written once the question is shown; a slower database takes a moment longer.
            for (var wait = 0; wait < 100 && (await sessions.ListAsync("learner-5")) is not [{ Position: 2 }]; wait++)
            {
                await Task.Delay(50, Xunit.TestContext.Current.CancellationToken);
            }
        }

        var before = Assert.Single(await sessions.ListAsync("learner-5"));
        Assert.Equal(2, before.Position);

        await using var ctx = Context(user: "learner-5");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("study/databases?question=no-such-question");
        var page = ctx.Render<StudyPage>(p => p.Add(s => s.ChannelId, "databases"));

        page.WaitForAssertion(() => Assert.Contains("not in this deck", page.Find("[data-testid=question-not-in-deck]").TextContent));
        page.WaitForAssertion(() => Assert.Equal("3 / 8", page.Find("[data-testid=study-progress]").TextContent.Trim()));
        Assert.Equal(before.CurrentItemId, page.Find("[data-testid=study]").GetAttribute("data-question-id"));
        var after = Assert.Single(await sessions.ListAsync("learner-5"));
        Assert.Equal((before.Id, before.Position, before.CurrentItemId), (after.Id, after.Position, after.CurrentItemId));
    }
}
