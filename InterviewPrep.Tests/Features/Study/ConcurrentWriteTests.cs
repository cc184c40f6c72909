using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Study;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Study;

/// <summary>First writes for a question racing each other, and what counts as studied.</summary>
public sealed class ConcurrentWriteTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private StudyService _study = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _study = _db.StudyService();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task SetBookmark_EightParallelFirstWrites_AllSucceed()
    {
        var posts = Enumerable.Range(0, 8).Select(_ => Task.Run(() => _study.SetBookmarkAsync("anon-race", "ip-db-001", true)));

        await Task.WhenAll(posts);

        Assert.True(await _study.IsBookmarkedAsync("anon-race", "ip-db-001"));
    }

    /// <summary>Eight tabs that opened the note at <paramref name="basedOn"/> save their own text at once.</summary>
    private static Task<(bool Saved, string? Conflict)[]> SaveInEightTabsAsync(StudyService study, string basedOn) =>
        Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await study.SaveNoteAsync("anon-race", "ip-db-001", $"note from tab {i}", basedOn: basedOn);
                return (Saved: true, Conflict: (string?)null);
            }
            catch (NoteConflictException e)
            {
                return (Saved: false, Conflict: e.Saved);
            }
        })));

    [Fact]
    public async Task SaveNote_EightParallelFirstSaves_OneIsSaved_AndTheOthersReportTheConflict()
    {
        var results = await SaveInEightTabsAsync(_study, StudyService.NoteVersion(null));

        Assert.Single(results, r => r.Saved);
        var saved = await _study.GetNoteAsync("anon-race", "ip-db-001");
        Assert.All(results.Where(r => !r.Saved), r => Assert.Equal(saved, r.Conflict));
    }

    [Fact]
    public async Task SaveNote_EightTabsEditingTheSameExistingNote_OneIsSaved_AndTheOthersReportTheConflict()
    {
        // Every read of a learner's question state takes 100 ms longer, so the tabs' reads overlap.
        await using var db = await TestDatabase.CreateAsync(_clock, new SlowReads("learnerQuestionStates"));
        await db.Initializer(seed: true).SeedAsync();
        var study = db.StudyService();
        await study.SaveNoteAsync("anon-race", "ip-db-001", "the note all tabs opened");
        var opened = StudyService.NoteVersion(await study.GetNoteAsync("anon-race", "ip-db-001"));
        var results = await SaveInEightTabsAsync(study, opened);

        // The row exists, so nothing but the row lock (PostgreSQL) or the write lock (SQLite) keeps two
        // tabs from both passing the version check and the later one silently replacing the other.
        Assert.Single(results, r => r.Saved);
        var saved = await study.GetNoteAsync("anon-race", "ip-db-001");
        Assert.All(results.Where(r => !r.Saved), r => Assert.Equal(saved, r.Conflict));
    }

    [Fact]
    public async Task SaveNote_FromATabThatHadAnOlderNote_ReportsTheConflict_AndSavingAgainReplacesIt()
    {
        await _study.SaveNoteAsync("l", "ip-db-001", "first");
        var tabA = StudyService.NoteVersion(await _study.GetNoteAsync("l", "ip-db-001"));
        await _study.SaveNoteAsync("l", "ip-db-001", "from tab B", basedOn: tabA);

        var conflict = await Assert.ThrowsAsync<NoteConflictException>(() => _study.SaveNoteAsync("l", "ip-db-001", "from tab A", basedOn: tabA));

        Assert.Equal("from tab B", conflict.Saved);
        Assert.Equal("from tab B", await _study.GetNoteAsync("l", "ip-db-001"));
        Assert.Equal("from tab A", await _study.SaveNoteAsync("l", "ip-db-001", "from tab A", basedOn: StudyService.NoteVersion(conflict.Saved)));
        // The same text saved twice is no conflict.
        Assert.Equal("from tab A", await _study.SaveNoteAsync("l", "ip-db-001", "from tab A", basedOn: tabA));
    }

    [Fact]
    public async Task ArrowingPastQuestions_StudiesNothing_RevealingOrGradingDoes()
    {
        var catalog = new ChannelCatalog(_db.Factory);
        for (var i = 1; i <= 8; i++)
        {
            await _study.RecordSeenAsync("l", $"ip-db-00{i}");
        }

        Assert.Equal(0, (await catalog.GetSeenCountsAsync("l")).GetValueOrDefault("databases"));
        var dashboard = await _db.DashboardService().GetAsync("l");
        Assert.Equal((0, 0), (dashboard.StudiedThisWeek, dashboard.Activity[^1].Count));

        await _study.RecordStudiedAsync("l", "ip-db-001");
        await _study.RecordStudiedAsync("l", "ip-db-001");
        await _db.ReviewService().SelfGradeAsync("l", "ip-db-002", InterviewPrep.Web.Features.Review.Grade.Good, TimeSpan.FromSeconds(5));

        Assert.Equal(2, (await catalog.GetSeenCountsAsync("l")).GetValueOrDefault("databases"));
        dashboard = await _db.DashboardService().GetAsync("l");
        Assert.Equal(2, dashboard.StudiedThisWeek);
        Assert.Equal(2, dashboard.Activity[^1].Count); // one question studied once today, one review
        await using var db = _db.CreateContext();
        Assert.Equal(8, await db.LearnerQuestionStates.CountAsync(s => s.LearnerId == "l" && s.SeenCount == 1));
    }
}
