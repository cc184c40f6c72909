using System.Text.Json;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Learners;
using InterviewPrep.Data.Providers;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Features.Accounts;

/// <summary>The one list of learner-owned tables, the learners' last activity, and the purge that reads it.</summary>
public sealed class LearnerDataTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private AnonymousPurge Purge() => new(_db.Factory, Options.Create(new LearnerOptions { AnonymousRetentionDays = 90 }), _clock);

    [Fact]
    public void Registry_ListsEveryTableThatNamesALearner()
    {
        using var db = _db.CreateContext();
        var registered = LearnerData.Tables(db.Model).Select(t => t.Table).ToHashSet();
        // Identity's own tables belong to the account and go with it; every other table with a learner column must be registered.
        var withLearnerColumn = db.Model.GetEntityTypes()
            .Where(e => e.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true && e.ClrType != typeof(AppUser))
            .Where(e => e.GetProperties().Any(p => p.GetColumnName().ToLowerInvariant() is "learnerid" or "userid"))
            .Select(e => e.GetTableName()!)
            .ToList();

        Assert.NotEmpty(withLearnerColumn);
        Assert.All(withLearnerColumn, table => Assert.Contains(table, registered));
        Assert.Contains("learners", registered);
    }

    [Fact]
    public void MergeRules_CoverEveryLearnerTable()
    {
        using var db = _db.CreateContext();
        var merged = new LearnerMerge(_db.Factory, _clock, NullLogger<LearnerMerge>.Instance).MergedTables;
        Assert.All(LearnerData.Tables(db.Model), t => Assert.Contains(t.ClrType, merged));
    }

    [Fact]
    public async Task EveryKindOfLearnerWrite_MovesLastActiveAt()
    {
        var study = _db.StudyService();
        var writes = new (string Name, Func<string, int, Task> Write)[]
        {
            ("note", (l, n) => study.SaveNoteAsync(l, "ip-db-001", $"note {n}")),
            ("bookmark", (l, _) => study.ToggleBookmarkAsync(l, "ip-db-001")),
            ("view", (l, _) => study.RecordSeenAsync(l, "ip-db-001")),
            ("study", (l, _) => study.RecordStudiedAsync(l, "ip-db-001")),
            ("review", (l, n) => n == 1 ? _db.ReviewService().AddAsync(l, "ip-db-001") : _db.ReviewService().GradeAsync(l, "ip-db-001", Grade.Good, TimeSpan.Zero)),
            ("session", (l, _) => new SessionService(_db.Factory, _clock).StartOrResumeAsync(new SessionStart(l, SessionType.Channel, "study/databases", "Databases", null, ["ip-db-001"]))),
            ("settings", (l, n) => _db.SettingsService().NoteBrowserTimeZoneAsync(l, n == 1 ? "Europe/Berlin" : "Asia/Tokyo")),
        };

        foreach (var (name, write) in writes)
        {
            var learner = "anon-" + name;
            await write(learner, 1);
            _clock.Advance(TimeSpan.FromDays(3));
            await write(learner, 2);

            await using var db = _db.CreateContext();
            var row = await db.Learners.SingleOrDefaultAsync(l => l.LearnerId == learner);
            Assert.True(row is not null, $"a {name} did not record the learner");
            Assert.True(UtcIso.Truncate(_clock.GetUtcNow().UtcDateTime) == row.LastActiveAt, $"a {name} did not move the learner's last activity");
        }
    }

    [Fact]
    public async Task WritesCloserThanTheResolution_MoveLastActiveAtOnce_AndLaterWritesMoveItAgain()
    {
        var study = _db.StudyService();
        var first = UtcIso.Truncate(_clock.GetUtcNow().UtcDateTime);
        await study.RecordSeenAsync("anon-steps", "ip-db-001");
        _clock.Advance(InterviewPrep.Data.Interceptors.LearnerActivityInterceptor.Resolution / 2);
        await study.RecordSeenAsync("anon-steps", "ip-db-002");

        async Task<DateTime> LastActiveAsync()
        {
            await using var db = _db.CreateContext();
            return await db.Learners.Where(l => l.LearnerId == "anon-steps").Select(l => l.LastActiveAt).SingleAsync();
        }

        Assert.Equal(first, await LastActiveAsync());
        _clock.Advance(InterviewPrep.Data.Interceptors.LearnerActivityInterceptor.Resolution);
        await study.RecordSeenAsync("anon-steps", "ip-db-003");
        Assert.Equal(UtcIso.Truncate(_clock.GetUtcNow().UtcDateTime), await LastActiveAsync());
    }

    [Fact]
    public async Task Purge_VisitorWhoOnlySavedANoteAndABookmark_KeepsThem()
    {
        var study = _db.StudyService();
        await study.SaveNoteAsync("anon-notes", "ip-db-001", "from the question page");
        await study.SetBookmarkAsync("anon-notes", "ip-db-002", true);
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, await Purge().PurgeAsync());
        Assert.Equal("from the question page", await study.GetNoteAsync("anon-notes", "ip-db-001"));

        _clock.Advance(TimeSpan.FromDays(91));
        Assert.Equal(1, await Purge().PurgeAsync());
        Assert.Null(await study.GetNoteAsync("anon-notes", "ip-db-001"));
        await using var db = _db.CreateContext();
        Assert.False(await db.Learners.AnyAsync(l => l.LearnerId == "anon-notes"));
    }

    [Fact]
    public async Task Purge_LearnerWithNoRecordedActivity_IsNotOld()
    {
        await using (var db = _db.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO learnerQuestionStates (learnerId, questionId, seenCount, bookmarked, note) VALUES ('anon-old', 'ip-db-001', 0, true, 'kept')
                """);
        }

        _clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(0, await Purge().PurgeAsync());
        Assert.Equal("kept", await _db.StudyService().GetNoteAsync("anon-old", "ip-db-001"));
    }

    [Fact]
    public async Task Purge_MoreStaleLearnersThanOneStatementHasParameters_PurgesThemAll()
    {
        const int count = 33_000;
        await using (var write = _db.CreateContext())
        {
            var old = write.Database.TimeValue(_clock.GetUtcNow().UtcDateTime.AddDays(-200));
            await write.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
                INSERT INTO learners (learnerId, createdAt, lastActiveAt) SELECT 'anon-' || i, {old}, {old} FROM n
                """);
            await write.Database.ExecuteSqlAsync($"""
                INSERT INTO learnerActivityDays (learnerId, day, questionsStudied, reviews) SELECT learnerId, {new DateOnly(2025, 8, 1)}, 1, 0 FROM learners
                """);
        }

        await _db.StudyService().SaveNoteAsync("user-1", "ip-db-001", "an account's note");

        Assert.Equal(count, await Purge().PurgeAsync());
        await using var db = _db.CreateContext();
        Assert.Equal(["user-1"], await db.Learners.Select(l => l.LearnerId).ToListAsync());
        Assert.False(await db.LearnerActivityDays.AnyAsync());
    }

    [Fact]
    public async Task Merge_NotesThatTogetherPassTheLimit_AreCutWithAMarker_AndTheMergeSucceeds()
    {
        var study = _db.StudyService();
        var merge = new LearnerMerge(_db.Factory, _clock, NullLogger<LearnerMerge>.Instance);
        // The account already holds a note joined by an earlier merge, at the stored maximum.
        await study.SaveNoteAsync("user-1", "ip-db-001", new string('a', LearnerSettings.MaxNoteLength));
        await study.SaveNoteAsync("anon-1", "ip-db-001", new string('b', LearnerSettings.MaxNoteLength - 1000));
        Assert.True(await merge.MergeAsync("anon-1", "user-1"));
        await study.SaveNoteAsync("anon-2", "ip-db-001", new string('c', LearnerSettings.MaxNoteLength));
        await study.SetBookmarkAsync("anon-2", "ip-db-002", true);

        Assert.True(await merge.MergeAsync("anon-2", "user-1"));

        var note = await study.GetNoteAsync("user-1", "ip-db-001");
        Assert.NotNull(note);
        Assert.True(note.Length <= LearnerSettings.MaxStoredNoteLength);
        Assert.StartsWith(new string('a', LearnerSettings.MaxNoteLength), note);
        Assert.Contains("more characters did not fit]", note);
        Assert.True(await study.IsBookmarkedAsync("user-1", "ip-db-002"));
        await using var db = _db.CreateContext();
        Assert.False(await db.LearnerQuestionStates.AnyAsync(s => s.LearnerId == "anon-2"));
        Assert.False(await db.Learners.AnyAsync(l => l.LearnerId == "anon-2"));
    }

    [Theory]
    [InlineData(10, 5, 0)]
    [InlineData(6000, 6000, 2000)]
    [InlineData(10_002, 5000, 5000)]
    public void JoinNotes_NeverPassesWhatTheDatabaseHolds_AndSaysWhatWasCut(int own, int visitor, int cut)
    {
        var (joined, dropped) = LearnerMerge.JoinNotes(new string('a', own), new string('b', visitor));

        Assert.True(joined.Length <= LearnerSettings.MaxStoredNoteLength);
        Assert.StartsWith(new string('a', own), joined);
        Assert.InRange(dropped, cut, cut + 100);
        Assert.Equal(dropped > 0 && own < LearnerSettings.MaxStoredNoteLength - 50, joined.Contains($"[cut: {dropped:N0} more characters did not fit]", StringComparison.Ordinal));
    }
}

/// <summary>Account deletion and the personal-data download go through the same list of learner-owned tables.</summary>
public sealed class PersonalDataTests
{
    [Fact]
    public async Task DeleteAccount_DeletesEveryRowTheLearnerOwns_AndDownloadHoldsThemFirst()
    {
        await using var app = new AppFactory();
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "leaving@example.test", Email = "leaving@example.test" };
        Assert.True((await users.CreateAsync(user, "a-long-Passphrase-42")).Succeeded);
        var study = scope.ServiceProvider.GetRequiredService<InterviewPrep.Web.Features.Study.StudyService>();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        const string questionId = "ip-db-001";
        await study.SaveNoteAsync(user.Id, questionId, "my note");
        await study.SetBookmarkAsync(user.Id, questionId, true);
        await study.RecordStudiedAsync(user.Id, questionId);
        await reviews.AddAsync(user.Id, questionId);
        await reviews.GradeAsync(user.Id, questionId, Grade.Good, TimeSpan.FromSeconds(3));
        await scope.ServiceProvider.GetRequiredService<SessionService>()
            .StartOrResumeAsync(new SessionStart(user.Id, SessionType.Channel, "study/x", "X", null, [questionId]));
        await scope.ServiceProvider.GetRequiredService<InterviewPrep.Web.Features.Settings.LearnerSettingsService>().NoteBrowserTimeZoneAsync(user.Id, "Europe/Berlin");
        var personal = scope.ServiceProvider.GetRequiredService<PersonalData>();

        using var download = JsonDocument.Parse(await personal.DownloadAsync(user));
        var data = download.RootElement.GetProperty("learnerData");
        foreach (var table in new[] { "learnerQuestionStates", "reviewCards", "reviewLogs", "userSessions", "learnerSettings", "learnerActivityDays", "learners" })
        {
            Assert.True(Table(data, table).GetArrayLength() > 0, $"the download has no {table}");
        }

        Assert.Equal("my note", Table(data, "learnerQuestionStates")[0].GetProperty("note").GetString());
        // The design's names on every database, not PostgreSQL's lower case.
        Assert.True(Table(data, "learnerQuestionStates")[0].TryGetProperty("learnerId", out _));
        Assert.Equal("leaving@example.test", download.RootElement.GetProperty("account").GetProperty("Email").GetString());

        Assert.True((await personal.DeleteAccountAsync(user)).Succeeded);

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        foreach (var table in LearnerData.Tables(db.Model))
        {
            using var export = JsonDocument.Parse(JsonSerializer.Serialize(await LearnerData.ExportAsync(db, user.Id)));
            Assert.Equal(0, export.RootElement.GetProperty(table.DesignTable).GetArrayLength());
        }

        Assert.Null(await users.FindByIdAsync(user.Id));
    }

    /// <summary>A table of the download, by the design's name (whatever the database).</summary>
    private static JsonElement Table(JsonElement data, string table) => data.GetProperty(table);
}
