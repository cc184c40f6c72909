using Bunit;
using Bunit.TestDoubles;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Features.Sessions;
using InterviewPrep.Web.Features.Study;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Components;

/// <summary>Prerendering shows the question and records nothing: no session, no view, no keys.</summary>
public sealed class StudyPrerenderTests : IAsyncLifetime
{
    private const string Learner = "prerender-learner";
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Prerender_ShowsTheQuestion_AndRecordsNothing()
    {
        await using var ctx = ComponentTestContext.Create(ctx =>
        {
            ctx.AddAuthorization().SetAuthorized(Learner)
                .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Learner));
            ctx.Services.AddSingleton(_db.StudyService());
            ctx.Services.AddSingleton(_db.ReviewService());
            var sessions = new SessionService(_db.Factory, TimeProvider.System);
            ctx.Services.AddSingleton(sessions);
            ctx.Services.AddSingleton(new SessionSummaries(sessions, _db.ReviewService()));
            ctx.Services.AddSingleton(new InterviewPrep.Web.Features.LearningPaths.PathEnrollments(_db.Factory, TimeProvider.System));
            ctx.Services.AddSingleton(new QuestionPageService(_db.Factory, new ContentHtml(), new ChannelCatalog(_db.Factory)));
        });
        ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("study/databases");

        var page = ctx.Render<StudyPage>(p => p.Add(s => s.ChannelId, "databases"));

        page.WaitForAssertion(() => Assert.Equal("1 / 8", page.Find("[data-testid=study-progress]").TextContent.Trim()));
        Assert.False(string.IsNullOrEmpty(page.Find("[data-testid=study]").GetAttribute("data-question-id")));
        Assert.Null(page.Find("[data-testid=study]").GetAttribute("data-keys"));
        Assert.Empty(ctx.JSInterop.Invocations);
        await using var db = _db.CreateContext();
        Assert.False(await db.UserSessions.AnyAsync());
        Assert.False(await db.LearnerQuestionStates.AnyAsync());
        Assert.False(await db.LearnerActivityDays.AnyAsync());
    }
}
