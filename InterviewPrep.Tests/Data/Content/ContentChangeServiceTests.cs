using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Content;

public sealed class ContentChangeServiceTests : IAsyncLifetime
{
    private static readonly ChangeSource Admin = new(HistoryEventSources.Admin, "admin@example.com", "tidy up");
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_clock);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static QuestionData Data(string id = "q-1", string answer = "Because.") => new()
    {
        Id = id,
        Text = "Why is the sky blue?",
        Answer = answer,
        Explanation = "Rayleigh scattering.",
        Difficulty = Difficulty.Beginner,
        Channel = "physics",
        SubChannel = "optics",
        Tags = ["light"],
    };

    private async Task<List<QuestionHistory>> HistoryAsync(string id)
    {
        await using var db = _db.CreateContext();
        return await db.QuestionHistory.Where(h => h.QuestionId == id).OrderBy(h => h.Id).ToListAsync();
    }

    [Fact]
    public async Task Create_WritesQuestionMappingAndHistory()
    {
        var change = await _db.Changes.UpsertAsync(Data(), Admin);

        Assert.Equal(ChangeKind.Created, change.Kind);
        await using var db = _db.CreateContext();
        var q = await db.Questions.Include(x => x.ChannelMappings).SingleAsync();
        Assert.Equal(_clock.Now.UtcDateTime, q.CreatedAt);
        Assert.Equal(("physics", "optics"), (q.ChannelMappings.Single().ChannelId, q.ChannelMappings.Single().SubChannel));
        var history = Assert.Single(await HistoryAsync("q-1"));
        Assert.Equal((HistoryEventTypes.Created, "admin", "admin@example.com", "tidy up"),
            (history.EventType, history.EventSource, history.SourceName, history.Reason));
        Assert.Null(history.BeforeSnapshot);
        Assert.Equal("Why is the sky blue?", history.AfterSnapshot!["question"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_RecordsChangedFieldsAndBothSnapshots()
    {
        await _db.Changes.UpsertAsync(Data(), Admin);
        _clock.Advance(TimeSpan.FromHours(1));

        var change = await _db.Changes.UpsertAsync(Data(answer: "Shorter wavelengths scatter more.") with { SubChannel = "waves" }, Admin);

        Assert.Equal(ChangeKind.Updated, change.Kind);
        Assert.Equal(["answer", "subChannel"], change.ChangedFields.Order());
        var history = (await HistoryAsync("q-1")).Last();
        Assert.Equal(HistoryEventTypes.Updated, history.EventType);
        Assert.Equal(["answer", "subChannel"], history.ChangedFields!.Order());
        Assert.Equal("Because.", history.BeforeSnapshot!["answer"]!.GetValue<string>());
        Assert.Equal("Shorter wavelengths scatter more.", history.AfterSnapshot!["answer"]!.GetValue<string>());
        await using var db = _db.CreateContext();
        var q = await db.Questions.Include(x => x.ChannelMappings).SingleAsync();
        Assert.Equal(_clock.Now.UtcDateTime, q.LastUpdated);
        Assert.Equal("waves", q.ChannelMappings.Single().SubChannel);
    }

    [Fact]
    public async Task SameContentAgain_ChangesNothingAndWritesNoHistory()
    {
        await _db.Changes.UpsertAsync(Data(), Admin);

        var change = await _db.Changes.UpsertAsync(Data() with { LastUpdated = DateTime.UtcNow }, Admin);

        Assert.Equal(ChangeKind.Unchanged, change.Kind);
        Assert.Single(await HistoryAsync("q-1"));
    }

    [Fact]
    public async Task SoftDeleteAndRestore_KeepTheQuestionAndRecordEach()
    {
        await _db.Changes.UpsertAsync(Data(), Admin);

        Assert.Equal(ChangeKind.Deleted, (await _db.Changes.SoftDeleteAsync("q-1", Admin)).Kind);
        await using (var db = _db.CreateContext())
        {
            Assert.Equal(QuestionStatus.Deleted, (await db.Questions.SingleAsync()).Status);
        }

        Assert.Equal(ChangeKind.Unchanged, (await _db.Changes.SoftDeleteAsync("q-1", Admin)).Kind);
        Assert.Equal(ChangeKind.Restored, (await _db.Changes.RestoreAsync("q-1", Admin)).Kind);

        var events = (await HistoryAsync("q-1")).Select(h => h.EventType);
        Assert.Equal([HistoryEventTypes.Created, HistoryEventTypes.Deleted, HistoryEventTypes.Restored], events);
        await using var read = _db.CreateContext();
        Assert.Equal(QuestionStatus.Active, (await read.Questions.SingleAsync()).Status);
    }

    [Fact]
    public async Task SoftDelete_OfUnknownQuestion_SaysSo()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => _db.Changes.SoftDeleteAsync("nope", Admin));
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public async Task History_OutlivesAHardDeletedQuestion()
    {
        await _db.Changes.UpsertAsync(Data(), Admin);
        await using (var db = _db.CreateContext())
        {
            await db.Questions.Where(q => q.Id == "q-1").ExecuteDeleteAsync();
            Assert.Empty(await db.ChannelMappings.ToListAsync());
        }

        Assert.Single(await HistoryAsync("q-1"));
    }

    [Fact]
    public async Task FailedSave_LeavesNeitherQuestionNorHistory()
    {
        // The history row cannot be written: the question must not be written either.
        await _db.RefuseInsertAsync("no_history", "questionHistory", "questionId", "q-fail");

        await Assert.ThrowsAsync<DbUpdateException>(() => _db.Changes.UpsertAsync(Data("q-fail"), Admin));

        await using var read = _db.CreateContext();
        Assert.False(await read.Questions.AnyAsync(q => q.Id == "q-fail"));
        Assert.False(await read.ChannelMappings.AnyAsync(m => m.QuestionId == "q-fail"));
    }
}
