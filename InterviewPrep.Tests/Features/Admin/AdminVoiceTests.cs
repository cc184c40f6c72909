using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Interceptors;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;
using InterviewPrep.Web.Features.Voice;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>Voice interviews and the grader's synonyms edited by admins, on real SQLite with the starter content.</summary>
public sealed class AdminVoiceTests : IAsyncLifetime
{
    private static readonly ChangeSource Admin = new(HistoryEventSources.Admin, "admin@example.com");
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private AdminVoice _voice = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock, new ContentVersionInterceptor());
        await _db.Initializer(seed: true).SeedAsync();
        _voice = new AdminVoice(_db.Factory, _clock);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static VoiceSessionForm Valid() => new()
    {
        Id = "databases-spoken", Topic = "Databases out loud", Description = "Indexes and transactions.", Channel = "databases",
        Difficulty = Difficulty.Advanced, QuestionIds = ["ip-db-001", "ip-db-002", "ip-db-003"],
    };

    [Fact]
    public async Task AnInterview_IsCreatedWithItsTotalsComputed_ChangedAndDeleted_EachWithItsHistory()
    {
        Assert.Empty(await _voice.SaveAsync(Valid(), isNew: true, Admin));
        var changed = Valid();
        changed.QuestionIds = ["ip-db-003", "ip-db-001"];
        Assert.Empty(await _voice.SaveAsync(changed, isNew: false, Admin));

        await using (var db = _db.CreateContext())
        {
            var saved = await db.VoiceSessions.AsNoTracking().SingleAsync(s => s.Id == "databases-spoken", TestContext.Current.CancellationToken);
            Assert.Equal(["ip-db-003", "ip-db-001"], saved.QuestionIds);
            Assert.Equal((2, AdminVoice.EstimatedMinutes(2, Difficulty.Advanced)), (saved.TotalQuestions, saved.EstimatedMinutes));
        }

        Assert.True(await _voice.DeleteAsync("databases-spoken", Admin));
        Assert.False(await _voice.DeleteAsync("databases-spoken", Admin));
        await using var check = _db.CreateContext();
        var history = await check.QuestionHistory.AsNoTracking()
            .Where(h => h.QuestionType == HistoryItemTypes.VoiceSession && h.QuestionId == "databases-spoken")
            .OrderBy(h => h.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([HistoryEventTypes.Created, HistoryEventTypes.Updated, HistoryEventTypes.Deleted], history.Select(h => h.EventType));
        Assert.Equal(["questionIds", "totalQuestions", "estimatedMinutes"], history[1].ChangedFields);
        Assert.All(history, h => Assert.Equal("admin@example.com", h.SourceName));
    }

    [Fact]
    public async Task ABadInterview_IsRefusedFieldByField_AndNothingIsSaved()
    {
        var bad = new VoiceSessionForm { Id = "No Spaces!", Topic = " ", Channel = "no-such-channel", QuestionIds = ["ip-db-001", "ip-db-001"] };
        var unknown = Valid();
        unknown.QuestionIds = ["ip-db-001", "not-a-question"];
        var existing = Valid();
        existing.Id = "system-design-building-blocks";

        var errors = await _voice.SaveAsync(bad, isNew: true, Admin);
        var unknownErrors = await _voice.SaveAsync(unknown, isNew: true, Admin);
        var existingErrors = await _voice.SaveAsync(existing, isNew: true, Admin);

        Assert.Equal(["Channel", "Id", "QuestionIds", "Topic"], errors.Keys.Order());
        Assert.Contains("not-a-question", unknownErrors["QuestionIds"]);
        Assert.Contains("exists already", existingErrors["Id"]);
        await using var db = _db.CreateContext();
        Assert.Equal(3, await db.VoiceSessions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheSynonyms_AreValidated_Saved_UsedByTheGrader_AndKeptInHistory()
    {
        Assert.Equal("Line 2: a group needs at least two phrases separated by commas.", await _voice.SaveSynonymsAsync("mvcc, multi version concurrency\nlonely", Admin));

        Assert.Null(await _voice.SaveSynonymsAsync("write ahead log, wal, wall\n", Admin));
        Assert.Equal("write ahead log, wal, wall", await _voice.SaveSynonymsAsync("write ahead log, wal, wall", Admin) ?? await _voice.SynonymsAsync());

        var grading = _db.VoiceGrading();
        var synonyms = await grading.SynonymsAsync(TestContext.Current.CancellationToken);
        var units = synonyms.Units(InterviewPrep.Web.Features.Voice.Grading.Word.Split("the wall is written first"));
        Assert.Contains(units, u => u.Key == "≈write ahead log");
        await using var db = _db.CreateContext();
        Assert.Equal(1, await db.QuestionHistory.CountAsync(h => h.QuestionType == HistoryItemTypes.VoiceSynonyms, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheBuilder_ProposesInterviewsFromVoiceSuitableQuestionsInNoInterview_AndCreatesTheChosen()
    {
        var proposals = await _voice.ProposeAsync();

        Assert.NotEmpty(proposals);
        await using (var db = _db.CreateContext())
        {
            var used = (await db.VoiceSessions.AsNoTracking().Select(s => s.QuestionIds).ToListAsync(TestContext.Current.CancellationToken)).SelectMany(i => i).ToHashSet();
            var suitable = await db.Questions.AsNoTracking().Where(q => q.VoiceSuitable).Select(q => q.Id).ToListAsync(TestContext.Current.CancellationToken);
            Assert.All(proposals, p =>
            {
                Assert.InRange(p.Questions.Count, 4, 6);
                Assert.All(p.Questions, q => Assert.Contains(q.Id, suitable));
                Assert.All(p.Questions, q => Assert.DoesNotContain(q.Id, used));
            });
        }

        var created = await _voice.CreateAsync([proposals[0]], Admin);

        Assert.Equal(1, created);
        Assert.DoesNotContain(await _voice.ProposeAsync(), p => p.Id == proposals[0].Id);
        Assert.Contains(await _voice.OverviewAsync(), r => r.Id == proposals[0].Id && r.Questions == proposals[0].Questions.Count);
    }
}
