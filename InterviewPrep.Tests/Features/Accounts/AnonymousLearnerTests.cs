using System.Net;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace InterviewPrep.Tests.Features.Accounts;

public sealed class AnonymousLearnerTests
{
    [Fact]
    public void Cookie_IsSigned_AndATamperedOneIsIgnored()
    {
        var learners = new AnonymousLearner(new EphemeralDataProtectionProvider());
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();

        var id = learners.Ensure(context);
        var cookie = context.Response.Headers.SetCookie.ToString();
        var value = WebUtility.UrlDecode(cookie.Split(';')[0].Split('=', 2)[1]);

        Assert.StartsWith(AnonymousLearner.Prefix, id);
        Assert.Equal(id, learners.Read(value));
        Assert.Null(learners.Read(value[..^2] + "xx"));
        Assert.Null(learners.Read("anon-forged"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_GiveVisitorsAnId()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.GetAsync("/dashboard");

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AnonymousLearner.CookieName + "=", StringComparison.Ordinal));
    }
}

public sealed class LearnerMergeTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Merge_MovesEverything_WithoutDuplicates()
    {
        const string anon = "anon-123";
        const string user = "user-1";
        var study = _db.StudyService();
        var reviews = _db.ReviewService();
        var sessions = new SessionService(_db.Factory, TimeProvider.System);
        await study.RecordSeenAsync(anon, "ip-db-001");
        await study.RecordStudiedAsync(anon, "ip-db-001");
        await study.ToggleBookmarkAsync(anon, "ip-db-001");
        await study.RecordSeenAsync(user, "ip-db-001");
        await study.RecordStudiedAsync(user, "ip-db-001");
        await study.RecordSeenAsync(anon, "ip-db-002");
        await study.RecordStudiedAsync(anon, "ip-db-002");
        await reviews.AddAsync(anon, "ip-db-001");
        await reviews.GradeAsync(anon, "ip-db-001", Grade.Good, TimeSpan.Zero);
        await reviews.AddAsync(user, "ip-db-001");
        var start = new SessionStart(anon, SessionType.Channel, "study/databases", "Databases", null, ["ip-db-001", "ip-db-002"]);
        await sessions.StartOrResumeAsync(start);
        await sessions.StartOrResumeAsync(start with { OwnerId = user });

        await new LearnerMerge(_db.Factory, _db.Clock, NullLogger<LearnerMerge>.Instance).MergeAsync(anon, user);

        await using var db = _db.CreateContext();
        Assert.False(await db.LearnerQuestionStates.AnyAsync(s => s.LearnerId == anon));
        var first = await db.LearnerQuestionStates.SingleAsync(s => s.LearnerId == user && s.QuestionId == "ip-db-001");
        Assert.Equal((2, true), (first.SeenCount, first.Bookmarked));
        Assert.Equal(2, await db.LearnerQuestionStates.CountAsync(s => s.LearnerId == user));
        Assert.All(await db.LearnerQuestionStates.Where(s => s.LearnerId == user).ToListAsync(),
            s => Assert.True(s.StudiedAt is not null && s.LastStudiedAt is not null, $"{s.QuestionId} lost when it was studied"));
        var card = await db.ReviewCards.SingleAsync(c => c.LearnerId == user);
        Assert.Equal(1, card.Reps);
        Assert.Equal(1, await db.ReviewLogs.CountAsync(l => l.LearnerId == user));
        Assert.Single(await sessions.GetActiveAsync(user));
        Assert.Equal(2, await db.UserSessions.CountAsync(s => s.UserId == user));
        Assert.False(await db.UserSessions.AnyAsync(s => s.UserId == anon));
        var day = await db.LearnerActivityDays.SingleAsync(d => d.LearnerId == user);
        Assert.Equal((3, 1), (day.QuestionsStudied, day.Reviews)); // two questions as a visitor, one in the account, one review
        Assert.False(await db.LearnerActivityDays.AnyAsync(d => d.LearnerId == anon));
    }
}

public sealed class AnonymousPurgeTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task AnonymousProgressUnusedForTheRetentionPeriod_IsPurged_AndNothingElse()
    {
        var study = _db.StudyService();
        var sessions = new SessionService(_db.Factory, _clock);
        await study.RecordSeenAsync("anon-gone", "ip-db-001");
        await sessions.StartOrResumeAsync(new SessionStart("anon-gone", SessionType.Channel, "study/databases", "Databases", null, ["ip-db-001"]));
        await study.RecordSeenAsync("user-1", "ip-db-001");
        await _db.SettingsService().NoteBrowserTimeZoneAsync("anon-gone", "Europe/Paris");
        await _db.SettingsService().NoteBrowserTimeZoneAsync("user-1", "Europe/Paris");
        _clock.Advance(TimeSpan.FromDays(80));
        await study.RecordSeenAsync("anon-back", "ip-db-002");
        _clock.Advance(TimeSpan.FromDays(15));

        var purged = await new AnonymousPurge(_db.Factory, Microsoft.Extensions.Options.Options.Create(new LearnerOptions()), _clock).PurgeAsync();

        Assert.Equal(1, purged);
        await using var db = _db.CreateContext();
        Assert.Equal(["anon-back", "user-1"], await db.LearnerQuestionStates.Select(s => s.LearnerId).OrderBy(x => x).ToListAsync());
        Assert.False(await db.UserSessions.AnyAsync());
        Assert.Equal(["user-1"], await db.LearnerSettings.Select(s => s.LearnerId).ToListAsync());
    }
}
