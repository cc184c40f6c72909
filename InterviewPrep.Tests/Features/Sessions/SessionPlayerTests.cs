using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using InterviewPrep.Web.Features.Study;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Sessions;

/// <summary>The session player over a real database and a clock the test moves: every step is saved, typed.</summary>
public sealed class SessionPlayerTests : IAsyncLifetime
{
    private const string Learner = "player-learner";
    private static readonly string[] Items = ["ip-db-001", "ip-db-002", "ip-db-003"];
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

    private SessionPlayer Player() =>
        new(_sessions, new QuestionPageService(_db.Factory, new ContentHtml(), new ChannelCatalog(_db.Factory)), _clock);

    private PlayerStart Start(string? learner = Learner) =>
        new(learner, SessionType.Channel, new StudyRules(_db.StudyService(), _db.ReviewService()), "study/databases", "Databases", null, Items,
            ChannelId: "databases");

    private async Task<SessionData> StoredAsync()
    {
        await using var db = _db.CreateContext();
        return (await db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == Learner)).SessionData!;
    }

    /// <summary>Study's rules, with grading held until the test lets it go: a slow database, on demand.</summary>
    private sealed class HeldGrading(ISessionRules rules, Task released) : ISessionRules
    {
        public PlayerMode Mode => rules.Mode;

        public Task OnShownAsync(PlayerItem item, CancellationToken ct = default) => rules.OnShownAsync(item, ct);

        public Task OnRevealedAsync(PlayerItem item, CancellationToken ct = default) => rules.OnRevealedAsync(item, ct);

        public async Task<string?> OnGradedAsync(PlayerItem item, Grade grade, TimeSpan taken, CancellationToken ct = default)
        {
            await released;
            return await rules.OnGradedAsync(item, grade, taken, ct);
        }
    }

    [Fact]
    public async Task WhatTheLearnerDoes_WhileTheItemsSavedStateIsRead_IsNotUndoneByIt()
    {
        var release = new TaskCompletionSource();
        var player = Player();
        await player.StartAsync(Start() with { Rules = new HeldGrading(Start().Rules, release.Task) });

        // The first item was revealed on an earlier visit, not graded.
        await player.ShowAsync(0);
        Assert.True(player.Reveal());
        for (var wait = 0; wait < 100 && (await StoredAsync()).States.GetValueOrDefault(Items[0])?.Revealed != true; wait++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await player.ShowAsync(1);

        // Back on it, the learner reveals and grades the moment it is on screen, before its saved state has been read.
        Task<bool>? grading = null;
        player.Changed += () =>
        {
            if (grading is null && player.Index == 0 && !player.Loading && player.Question is not null)
            {
                grading = Task.FromResult(false);
                player.Reveal();
                grading = player.GradeAsync(Grade.Good);
            }
        };
        await player.ShowAsync(0); // reads the saved step (revealed, not graded) while the grade is being written
        release.SetResult();
        Assert.NotNull(grading);
        Assert.True(await grading);

        Assert.Equal(Grade.Good, player.Graded);
        Assert.False(await player.GradeAsync(Grade.Again)); // still graded once
        await using var db = _db.CreateContext();
        Assert.Single(db.ReviewLogs.Where(l => l.LearnerId == Learner));
    }

    [Fact]
    public async Task RevealAndGrade_SaveTheItemState_WithTheTimeSpentOnTheClock()
    {
        var player = Player();
        Assert.Equal(0, await player.StartAsync(Start())); // a new session starts at its first item
        await player.ShowAsync(0);
        player.SetRecall("a balanced tree");
        _clock.Advance(TimeSpan.FromSeconds(20));

        Assert.True(player.Reveal());
        Assert.False(player.Reveal());
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await player.GradeAsync(Grade.Good));
        Assert.False(await player.GradeAsync(Grade.Easy)); // once per item in study

        Assert.Equal(Grade.Good, player.Graded);
        Assert.StartsWith("Graded Good", player.GradeStatus);
        // Twenty seconds to the answer, ten more to the grade: counted once each.
        var state = (await StoredAsync()).StateOf("ip-db-001");
        Assert.Equal((true, true, 3, 30_000L), (state.Seen, state.Revealed, state.Grade, state.TimeSpentMs));
        await using var db = _db.CreateContext();
        var log = await db.ReviewLogs.SingleAsync(l => l.LearnerId == Learner);
        Assert.Equal((30_000, CardState.New), (log.DurationMs, log.State));
    }

    [Fact]
    public async Task AQuestionLeftOpen_CountsAtMostTheLongestStep()
    {
        var player = Player();
        await player.StartAsync(Start());
        await player.ShowAsync(0);
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.True(player.Reveal());
        await player.MoveAsync(1);

        var state = (await StoredAsync()).StateOf("ip-db-001");
        Assert.Equal((long)SessionPlayer.LongestStep.TotalMilliseconds, state.TimeSpentMs);
    }

    [Fact]
    public async Task ASecondGrade_WhileTheFirstIsSaving_IsRefused()
    {
        var gate = new TaskCompletionSource();
        var player = Player();
        await player.StartAsync(new PlayerStart(Learner, SessionType.Review, new GatedRules(gate.Task), "review?day=2026-07-01", "Review", null, Items));
        await player.ShowAsync(0);
        Assert.True(player.Reveal());

        var first = player.GradeAsync(Grade.Good); // a key pressed twice, or a double click
        Assert.True(player.Grading);
        Assert.False(await player.GradeAsync(Grade.Good));
        gate.SetResult();

        Assert.True(await first);
        Assert.False(player.Grading);
        var stored = await StoredAsync();
        Assert.Equal((1, 3), (stored.Position, stored.StateOf("ip-db-001").Grade)); // one answer counted, not two
    }

    /// <summary>Review-like rules whose grading waits for the test.</summary>
    private sealed class GatedRules(Task gate) : ISessionRules
    {
        public PlayerMode Mode => PlayerMode.Queue;

        public bool RegradeAllowed => true;

        public async Task<string?> OnGradedAsync(PlayerItem item, Grade grade, TimeSpan taken, CancellationToken ct = default)
        {
            await gate;
            return null;
        }
    }

    [Fact]
    public async Task Moving_SavesThePosition_AndResumingComesBackThere()
    {
        var player = Player();
        await player.StartAsync(Start());
        await player.ShowAsync(0);
        Assert.True(await player.NextAsync());
        Assert.True(await player.NextAsync());
        Assert.False(await player.NextAsync());
        Assert.True(await player.PreviousAsync());

        var again = Player();
        Assert.Equal(1, await again.StartAsync(Start()));
        Assert.Equal(1, (await StoredAsync()).Position);
    }

    [Fact]
    public async Task FlagAndFinish_AreSaved()
    {
        var player = Player();
        await player.StartAsync(Start());
        await player.ShowAsync(1);

        await player.ToggleFlagAsync();
        Assert.True((await StoredAsync()).StateOf("ip-db-002").Flagged);
        await player.ToggleFlagAsync();
        Assert.False((await StoredAsync()).StateOf("ip-db-002").Flagged);

        await player.FinishAsync();
        Assert.Equal(SessionStatus.Completed, player.Session!.Status);
        Assert.Empty(await _sessions.GetActiveAsync(Learner));
    }

    [Fact]
    public async Task AMoveAView_Refuses_LeavesTheLearnerWhereTheyWere()
    {
        var player = Player();
        await player.StartAsync(Start());
        await player.ShowAsync(0);
        using (player.GuardLeaving(() => Task.FromResult(false)))
        {
            Assert.False(await player.NextAsync());
            Assert.Equal(0, player.Index);
        }

        Assert.True(await player.NextAsync());
    }

    [Fact]
    public async Task WithoutALearner_NothingIsSaved()
    {
        var player = Player();
        await player.StartAsync(Start(learner: null));
        await player.ShowAsync(0);
        player.Reveal();
        await player.NextAsync();

        await using var db = _db.CreateContext();
        Assert.False(await db.UserSessions.AnyAsync());
        Assert.False(await db.LearnerQuestionStates.AnyAsync());
    }

    /// <summary>A row exactly as the first version of study mode wrote it: raw JSON, keys spelled by hand.</summary>
    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // rows written before typed session data exist only in SQLite databases
    public async Task ARowWrittenByTheEarlierCode_LoadsAndResumes()
    {
        const string json = """{"items":["ip-db-001","ip-db-002","ip-db-003"],"position":1,"states":{"ip-db-001":{"seen":true,"revealed":true,"recall":"a b-tree","grade":3},"ip-db-002":{"seen":true},"ip-db-003":{"revealed":false,"recall":null}}}""";
        await using (var db = _db.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "userSessions" ("id", "userId", "sessionType", "sessionKey", "title", "subtitle", "channelId", "certificationId",
                    "progress", "totalItems", "completedItems", "sessionData", "startedAt", "lastAccessedAt", "completedAt", "status")
                VALUES ('legacy-1', {Learner}, 'channel', 'study/databases', 'Databases', NULL, 'databases', NULL,
                    33, 3, 1, {json}, '2026-06-30T08:00:00.000Z', '2026-06-30T08:05:00.000Z', NULL, 'active')
                """);
        }

        var listed = Assert.Single(await _sessions.ListAsync(Learner));
        Assert.Equal(("legacy-1", SessionType.Channel, 1, "ip-db-002"), (listed.Id, listed.SessionType, listed.Position, listed.CurrentItemId));

        var player = Player();
        Assert.Equal(1, await player.StartAsync(Start()));
        Assert.Equal("legacy-1", player.Session!.Id);
        await player.ShowAsync(0);
        Assert.Equal((true, "a b-tree", Grade.Good), (player.Current.Revealed, player.Current.Recall, player.Graded));
        Assert.Equal("You graded it Good.", player.GradeStatus);

        await player.ShowAsync(2);
        player.Reveal();
        Assert.True(await player.GradeAsync(Grade.Easy));
        var stored = await StoredAsync();
        Assert.Equal(["ip-db-001", "ip-db-002", "ip-db-003"], stored.Items);
        Assert.Equal((true, 4), (stored.StateOf("ip-db-003").Revealed, stored.StateOf("ip-db-003").Grade));
        Assert.Equal("a b-tree", stored.StateOf("ip-db-001").Recall);
        Assert.Equal(2, (await _sessions.ListAsync(Learner)).Single().CompletedItems);
    }
}
