using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Sessions;

public sealed class SessionServiceTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private SessionService _sessions = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _sessions = new SessionService(_db.Factory, _clock);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static SessionStart Start(string owner = "learner-1") =>
        new(owner, SessionType.Channel, "study/databases", "Databases", null, ["ip-db-001", "ip-db-002", "ip-db-003"], "databases");

    [Fact]
    public async Task StartingTheSameActivityAgain_ResumesItsSession()
    {
        var first = await _sessions.StartOrResumeAsync(Start());
        await _sessions.SaveAsync(first.Id, "learner-1", 2, "ip-db-003", new ItemStep(Seen: true));
        _clock.Advance(TimeSpan.FromDays(3));

        var again = await _sessions.StartOrResumeAsync(Start());

        Assert.Equal(first.Id, again.Id);
        Assert.Equal((2, "ip-db-003"), (again.Position, again.CurrentItemId));
        Assert.Equal(_clock.Now.UtcDateTime, again.LastAccessedAt);
        await using var db = _db.CreateContext();
        Assert.Equal(1, await db.UserSessions.CountAsync());
        Assert.NotEqual(first.Id, (await _sessions.StartOrResumeAsync(Start("learner-2"))).Id);
    }

    [Fact]
    public async Task EightTabsOpeningTheSameActivityAtOnce_ShareOneSession()
    {
        // Every read of the sessions table takes 100 ms longer, so the tabs' checks overlap.
        await using var db = await TestDatabase.CreateAsync(_clock, new SlowReads("userSessions"));
        await db.Initializer(seed: true).SeedAsync();
        var sessions = new SessionService(db.Factory, _clock);

        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sessions.StartOrResumeAsync(Start()))));

        Assert.Single(opened.Select(s => s.Id).Distinct());
        await using var context = db.CreateContext();
        Assert.Equal(1, await context.UserSessions.CountAsync(s => s.UserId == "learner-1" && s.Status == SessionStatus.Active));
    }

    [Fact]
    public async Task RevealingEveryItem_CompletesTheSession()
    {
        var session = await _sessions.StartOrResumeAsync(Start());
        for (var i = 0; i < 3; i++)
        {
            var view = await _sessions.SaveAsync(session.Id, "learner-1", i, $"ip-db-00{i + 1}", new ItemStep(Revealed: true));
            Assert.Equal(i + 1, view!.CompletedItems);
        }

        await using var db = _db.CreateContext();
        var stored = await db.UserSessions.SingleAsync();
        Assert.Equal((SessionStatus.Completed, 100), (stored.Status, stored.Progress));
        Assert.NotNull(stored.CompletedAt);
        Assert.Empty(await _sessions.GetActiveAsync("learner-1"));
    }

    [Fact]
    public async Task TwoWriters_NeverLoseACompletedItem()
    {
        var session = await _sessions.StartOrResumeAsync(Start());

        // Two tabs, each revealing a different item at the same time, and one that "forgets" a reveal.
        await Task.WhenAll(
            _sessions.SaveAsync(session.Id, "learner-1", 0, "ip-db-001", new ItemStep(Revealed: true)),
            _sessions.SaveAsync(session.Id, "learner-1", 1, "ip-db-002", new ItemStep(Revealed: true)));
        await _sessions.SaveAsync(session.Id, "learner-1", 0, "ip-db-001", new ItemStep(Revealed: false, Seen: true));

        var state1 = await _sessions.GetItemStateAsync(session.Id, "learner-1", "ip-db-001");
        var state2 = await _sessions.GetItemStateAsync(session.Id, "learner-1", "ip-db-002");
        Assert.True(state1!.Revealed);
        Assert.True(state2!.Revealed);
        Assert.Equal(2, (await _sessions.GetActiveAsync("learner-1")).Single().CompletedItems);
    }

    [Fact]
    public async Task StatesOfItemsOutsideTheSession_AreNotCounted()
    {
        var session = await _sessions.StartOrResumeAsync(Start());

        var saved = await _sessions.SaveAsync(session.Id, "learner-1", 0, "ip-db-008", new ItemStep(Revealed: true));

        Assert.Equal(0, saved!.CompletedItems);
        Assert.Null(await _sessions.GetItemStateAsync(session.Id, "learner-1", "ip-db-008"));
    }

    [Fact]
    public async Task OneSessionPerDay_TheEarlierDaysAreAbandoned()
    {
        var yesterday = await _sessions.StartOrResumeAsync(new SessionStart("learner-1", SessionType.Review, "review?day=2026-06-30", "Review", null, ["ip-db-001"]));
        var study = await _sessions.StartOrResumeAsync(Start());

        Assert.Equal(1, await _sessions.AbandonOthersAsync("learner-1", SessionType.Review, "review?day=2026-07-01"));

        var active = await _sessions.GetActiveAsync("learner-1");
        Assert.Equal([study.Id], active.Select(s => s.Id));
        Assert.Contains(await _sessions.ListAsync("learner-1"), s => s.Id == yesterday.Id && s.Status == SessionStatus.Abandoned);
    }

    [Fact]
    public async Task Sessions_BelongToTheirOwner()
    {
        var session = await _sessions.StartOrResumeAsync(Start());
        Assert.Null(await _sessions.SaveAsync(session.Id, "someone-else", 1));
        Assert.Null(await _sessions.GetItemStateAsync(session.Id, "someone-else", "ip-db-001"));
    }
}

public sealed class SessionLifecycleTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private SessionService _sessions = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
        _sessions = new SessionService(_db.Factory, TimeProvider.System);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Abandon_AndRestart_KeepTheHistoryAndStartAfresh()
    {
        var start = new SessionStart("l", SessionType.Channel, "study/databases", "Databases", null, ["ip-db-001", "ip-db-002"]);
        var session = await _sessions.StartOrResumeAsync(start);
        await _sessions.SaveAsync(session.Id, "l", 1, "ip-db-002", new ItemStep(Revealed: true));

        var fresh = await _sessions.RestartAsync(session.Id, "l");

        Assert.NotNull(fresh);
        Assert.NotEqual(session.Id, fresh.Id);
        Assert.Equal((0, 0), (fresh.Position, fresh.CompletedItems));
        Assert.Equal("study/databases?question=ip-db-001", SessionService.ResumeUrl(fresh));
        var all = await _sessions.ListAsync("l");
        Assert.Equal([SessionStatus.Active, SessionStatus.Abandoned], all.Select(s => s.Status));

        Assert.True(await _sessions.AbandonAsync(fresh.Id, "l"));
        Assert.False(await _sessions.AbandonAsync(fresh.Id, "l"));
        Assert.False(await _sessions.AbandonAsync(session.Id, "someone-else"));
        Assert.Empty(await _sessions.GetActiveAsync("l"));
    }
}
