using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace InterviewPrep.Tests.Features.Study;

/// <summary>Per-question notes and self-grades over a real database.</summary>
public sealed class NoteTests : IAsyncLifetime
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
    public async Task ANote_IsSavedTrimmed_ListedNewestFirst_AndABlankNoteRemovesIt()
    {
        Assert.Equal("B-tree:\nleft < key", await _study.SaveNoteAsync("l", "ip-db-001", "  B-tree:\r\nleft < key \n"));
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _study.SaveNoteAsync("l", "ip-db-002", "second");

        var notes = await _study.GetNotesAsync("l");
        Assert.Equal(["ip-db-002", "ip-db-001"], notes.Select(n => n.QuestionId));
        Assert.Equal("B-tree:\nleft < key", await _study.GetNoteAsync("l", "ip-db-001"));
        Assert.Empty(await _study.GetNotesAsync("someone-else"));

        Assert.Null(await _study.SaveNoteAsync("l", "ip-db-001", "   \n "));
        Assert.Equal(["ip-db-002"], (await _study.GetNotesAsync("l")).Select(n => n.QuestionId));
        await using var db = _db.CreateContext();
        Assert.Null((await db.LearnerQuestionStates.SingleAsync(s => s.LearnerId == "l" && s.QuestionId == "ip-db-001")).NoteUpdatedAt);
    }

    [Fact]
    public async Task ATooLongNote_IsRefusedWhole_AndTheOldNoteStays()
    {
        await _study.SaveNoteAsync("l", "ip-db-001", "keep me");

        var error = await Assert.ThrowsAsync<NoteTooLongException>(() => _study.SaveNoteAsync("l", "ip-db-001", new string('x', LearnerSettings.MaxNoteLength + 1)));

        Assert.Contains("at most 5,000 characters", error.Message);
        Assert.Equal("keep me", await _study.GetNoteAsync("l", "ip-db-001"));
        Assert.NotNull(await _study.SaveNoteAsync("l", "ip-db-001", new string('x', LearnerSettings.MaxNoteLength)));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _study.SaveNoteAsync("l", "no-such-question", "text"));
    }

    [Fact]
    public async Task NotesOnRemovedQuestions_StayTheLearners()
    {
        await _study.SaveNoteAsync("l", "ip-db-003", "mine");
        await using (var db = _db.CreateContext())
        {
            await db.Questions.Where(q => q.Id == "ip-db-003").ExecuteUpdateAsync(u => u.SetProperty(q => q.Status, QuestionStatus.Deleted));
        }

        var note = Assert.Single(await _study.GetNotesAsync("l"));
        Assert.True(note.Removed);
    }

    [Fact]
    public async Task SettingABookmarkTwice_LeavesOneBookmark()
    {
        await _study.SetBookmarkAsync("l", "ip-db-001", true);
        await _study.SetBookmarkAsync("l", "ip-db-001", true);
        Assert.True(await _study.IsBookmarkedAsync("l", "ip-db-001"));

        await _study.SetBookmarkAsync("l", "ip-db-001", false);
        await _study.SetBookmarkAsync("l", "ip-db-001", false);
        Assert.False(await _study.IsBookmarkedAsync("l", "ip-db-001"));
    }

    [Fact]
    public async Task Merge_KeepsTheNotesOfBothSides()
    {
        await _study.SaveNoteAsync("anon-1", "ip-db-001", "from the phone");
        await _study.SaveNoteAsync("user-1", "ip-db-001", "from the laptop");
        await _study.SaveNoteAsync("anon-1", "ip-db-002", "only here");
        await _study.SaveNoteAsync("anon-1", "ip-db-003", "same");
        await _study.SaveNoteAsync("user-1", "ip-db-003", "same");
        await _db.SettingsService().SaveAsync("anon-1", Web.Features.Settings.StudySettings.Default with { DailyNewLimit = 5 });

        await new LearnerMerge(_db.Factory, _db.Clock, NullLogger<LearnerMerge>.Instance).MergeAsync("anon-1", "user-1");

        Assert.Equal("from the laptop\n\nfrom the phone", await _study.GetNoteAsync("user-1", "ip-db-001"));
        Assert.Equal("only here", await _study.GetNoteAsync("user-1", "ip-db-002"));
        Assert.Equal("same", await _study.GetNoteAsync("user-1", "ip-db-003"));
        Assert.Empty(await _study.GetNotesAsync("anon-1"));
        Assert.Equal(5, (await _db.SettingsService().GetAsync("user-1")).DailyNewLimit);
        await using var db = _db.CreateContext();
        Assert.False(await db.LearnerSettings.AnyAsync(s => s.LearnerId == "anon-1"));
    }

    [Fact]
    public async Task ASelfGrade_PutsTheQuestionInReview_AndCountsAsItsFirstReview()
    {
        var reviews = _db.ReviewService();

        var outcome = await reviews.SelfGradeAsync("l", "ip-db-001", Grade.Easy, TimeSpan.FromSeconds(20));

        Assert.True(await reviews.IsInReviewAsync("l", "ip-db-001"));
        Assert.Equal(CardState.Review, outcome.Card.State);
        Assert.True(outcome.Interval >= TimeSpan.FromDays(1));
        await using var db = _db.CreateContext();
        var log = await db.ReviewLogs.SingleAsync();
        Assert.Equal((4, CardState.New, 20000), (log.Grade, log.State, log.DurationMs));

        // Graded again later, the card is reviewed again, not added twice.
        _clock.Advance(outcome.Interval);
        await reviews.SelfGradeAsync("l", "ip-db-001", Grade.Again, TimeSpan.FromSeconds(5));
        Assert.Equal(1, await db.ReviewCards.CountAsync());
        Assert.Equal(1, (await db.ReviewCards.SingleAsync()).Lapses);
    }
}
