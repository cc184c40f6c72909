using Bunit;
using Bunit.TestDoubles;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Components;

/// <summary>The review page over a real database and a clock the test moves: its counters agree with each other.</summary>
public sealed class ReviewPageTests : IAsyncLifetime
{
    private const string Learner = "review-learner";
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private BunitContext Context() => ComponentTestContext.Create(ctx =>
    {
        ctx.AddAuthorization().SetAuthorized(Learner)
            .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Learner));
        ctx.Services.AddSingleton<TimeProvider>(_clock);
        ctx.Services.AddSingleton(_db.SettingsService());
        ctx.Services.AddSingleton(_db.ReviewService());
        var sessions = new SessionService(_db.Factory, _clock);
        ctx.Services.AddSingleton(sessions);
        ctx.Services.AddSingleton(new SessionSummaries(sessions, _db.ReviewService()));
        ctx.Services.AddSingleton(new QuestionPageService(_db.Factory, new ContentHtml(), new ChannelCatalog(_db.Factory)));
        ctx.JSInterop.SetupModule("./js/review.js");
    });

    private static string Count(IRenderedComponent<ReviewPage> page, string testId) =>
        page.Find($"[data-testid={testId}] strong").TextContent.Trim();

    [Fact]
    public async Task Grade_EachGrade_UpdatesEveryCounterTogether()
    {
        var reviews = _db.ReviewService();
        await reviews.AddAsync(Learner, "ip-db-001");
        await reviews.AddAsync(Learner, "ip-db-002");
        await reviews.AddAsync(Learner, "ip-db-003");
        await reviews.GradeAsync(Learner, "ip-db-001", Grade.Again, TimeSpan.Zero); // back in a minute
        await reviews.GradeAsync(Learner, "ip-db-002", Grade.Good, TimeSpan.Zero);  // back in ten minutes
        _clock.Advance(TimeSpan.FromMinutes(5));

        await using var ctx = Context();
        var page = ctx.Render<ReviewPage>();

        // One due now and one new card are ready; one more falls due later today.
        page.WaitForAssertion(() => Assert.Equal("2", Count(page, "count-ready")));
        Assert.Equal("1", Count(page, "count-later-today"));
        Assert.Equal("2 left", page.Find("[data-testid=review-remaining]").TextContent.Trim());

        await page.InvokeAsync(() => page.Instance.OnKeyAsync(" "));
        await page.InvokeAsync(() => page.Instance.OnKeyAsync("3"));

        page.WaitForAssertion(() => Assert.Equal("1", Count(page, "count-ready")));
        Assert.Equal("2", Count(page, "count-later-today"));
        Assert.Equal("1 left", page.Find("[data-testid=review-remaining]").TextContent.Trim());

        Assert.Empty(page.FindAll("[data-testid=session-summary]"));
        _clock.Advance(TimeSpan.FromSeconds(40));
        await page.InvokeAsync(() => page.Instance.OnKeyAsync(" "));
        await page.InvokeAsync(() => page.Instance.OnKeyAsync("3"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=review-done]")));
        // The last one graded: how today's reviews went, and what comes next.
        Assert.Equal("2of 2 answered", page.Find("[data-testid=summary-answered]").TextContent.Trim());
        Assert.Equal("100%remembered", page.Find("[data-testid=summary-remembered]").TextContent.Trim());
        Assert.Equal("40 sspent", page.Find("[data-testid=summary-time]").TextContent.Trim());
        Assert.Contains("3 more later today", page.Find("[data-testid=summary-due]").TextContent);
        Assert.Equal("0", Count(page, "count-ready"));
        Assert.Equal("3", Count(page, "count-later-today"));
        Assert.Contains("3 more later today", page.Find("[data-testid=review-done]").TextContent);
    }
}
