using System.Text.Json.Nodes;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Content;

/// <summary>
/// The admin editor's writes through the content-change path: revisions refuse a stale save,
/// bulk edits are history, a version is restored as a new change, and a change is reverted only
/// while it is the latest.
/// </summary>
public sealed class EditorSaveTests : IAsyncLifetime
{
    private static readonly ChangeSource Ada = new(HistoryEventSources.Admin, "ada@example.test");
    private static readonly ChangeSource Bob = new(HistoryEventSources.Admin, "bob@example.test");
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
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

    private async Task<Question> LoadAsync(string id = "q-1")
    {
        await using var db = _db.CreateContext();
        return await db.Questions.AsNoTracking().SingleAsync(q => q.Id == id);
    }

    [Fact]
    public async Task TwoEditors_TheSecondSaveIsRefused_WithWhatTheFirstDid()
    {
        var created = await _db.Changes.SaveAsync(Data(), 0, Ada);
        Assert.Equal(1, created.Saved!.Revision);
        // Both open revision 1.
        var adaDraft = Data(answer: "Blue light scatters more.");
        var bobDraft = Data() with { Tags = ["light", "physics"] };

        _clock.Advance(TimeSpan.FromMinutes(5));
        var first = await _db.Changes.SaveAsync(adaDraft, 1, Ada);
        var second = await _db.Changes.SaveAsync(bobDraft, 1, Bob);

        Assert.Equal(2, first.Saved!.Revision);
        Assert.Null(second.Saved);
        var conflict = second.Conflict!;
        Assert.Equal(2, conflict.CurrentRevision);
        Assert.Equal("Blue light scatters more.", conflict.Current!.Answer);
        var theirs = Assert.Single(conflict.Events);
        Assert.Equal(("ada@example.test", HistoryEventTypes.Updated), (theirs.SourceName, theirs.EventType));
        Assert.Equal(["answer"], theirs.ChangedFields);
        // Nothing of Bob's was written.
        var stored = await LoadAsync();
        Assert.Equal(["light"], stored.Tags);
        Assert.Equal(2, stored.Revision);
    }

    [Fact]
    public async Task Overwrite_OnPurpose_SavesOverTheOtherChange_AndRecordsIt()
    {
        await _db.Changes.SaveAsync(Data(), 0, Ada);
        await _db.Changes.SaveAsync(Data(answer: "Ada's answer."), 1, Ada);
        var refused = await _db.Changes.SaveAsync(Data(answer: "Bob's answer."), 1, Bob);

        var overwritten = await _db.Changes.SaveAsync(Data(answer: "Bob's answer."), refused.Conflict!.CurrentRevision, Bob);

        Assert.Equal(3, overwritten.Saved!.Revision);
        Assert.Equal("Bob's answer.", (await LoadAsync()).Answer);
        await using var db = _db.CreateContext();
        var last = await db.QuestionHistory.OrderByDescending(h => h.Id).FirstAsync();
        Assert.Equal("bob@example.test", last.SourceName);
        Assert.Equal("Ada's answer.", last.BeforeSnapshot!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnImportBetweenLoadAndSave_MakesTheSaveStale()
    {
        await _db.Changes.SaveAsync(Data(), 0, Ada);
        await _db.Changes.UpsertAsync(Data() with { Explanation = "From the nightly import." }, new ChangeSource(HistoryEventSources.Import, "physics.json"));

        var stale = await _db.Changes.SaveAsync(Data(answer: "Mine."), 1, Ada);

        Assert.Equal(HistoryEventSources.Import, Assert.Single(stale.Conflict!.Events).EventSource);
        Assert.Equal("From the nightly import.", (await LoadAsync()).Explanation);
    }

    [Fact]
    public async Task NewQuestion_WithATakenId_IsRefused()
    {
        await _db.Changes.SaveAsync(Data(), 0, Ada);

        var outcome = await _db.Changes.SaveAsync(Data(answer: "Another."), 0, Bob);

        Assert.NotNull(outcome.Conflict);
        Assert.Equal("Because.", (await LoadAsync()).Answer);
    }

    [Fact]
    public async Task Bulk_ChangesEachQuestionWithItsOwnHistory_AndReportsUnknownIds()
    {
        await _db.Changes.SaveAsync(Data("q-1"), 0, Ada);
        await _db.Changes.SaveAsync(Data("q-2") with { Status = QuestionStatus.Archived }, 0, Ada);

        var outcome = await _db.Changes.BulkAsync(["q-1", "q-2", "q-404"], q => q with { Status = QuestionStatus.Archived }, Bob);

        Assert.Equal(1, outcome.Updated);
        Assert.Equal(["q-404"], outcome.Missing);
        Assert.Equal(QuestionStatus.Archived, (await LoadAsync("q-1")).Status);
        Assert.Equal(2, (await LoadAsync("q-1")).Revision);
        Assert.Equal(1, (await LoadAsync("q-2")).Revision);
        await using var db = _db.CreateContext();
        var history = await db.QuestionHistory.Where(h => h.SourceName == "bob@example.test").ToListAsync();
        Assert.Equal("q-1", Assert.Single(history).QuestionId);
    }

    [Fact]
    public async Task Bulk_Move_FollowsWithTheChannelMapping()
    {
        await _db.Changes.SaveAsync(Data(), 0, Ada);

        await _db.Changes.BulkAsync(["q-1"], q => q with { Channel = "optics", SubChannel = "colour" }, Bob);

        await using var db = _db.CreateContext();
        var mapping = await db.ChannelMappings.SingleAsync(m => m.QuestionId == "q-1");
        Assert.Equal(("optics", "colour"), (mapping.ChannelId, mapping.SubChannel));
    }

    [Fact]
    public async Task RestoreVersion_IsANewRestoredEvent_AndHistoryIsNotRewritten()
    {
        await _db.Changes.SaveAsync(Data(), 0, Ada);
        await _db.Changes.SaveAsync(Data(answer: "Second."), 1, Ada);
        await _db.Changes.SaveAsync(Data(answer: "Third."), 2, Ada);
        await using var db = _db.CreateContext();
        var first = await db.QuestionHistory.OrderBy(h => h.Id).FirstAsync();

        var outcome = await _db.Changes.RestoreVersionAsync("q-1", (JsonObject)first.AfterSnapshot!, $"Restored the version of change {first.Id}", Bob);

        Assert.Equal(["answer"], outcome.Saved!.Change.ChangedFields);
        Assert.Equal("Because.", (await LoadAsync()).Answer);
        var history = await db.QuestionHistory.OrderBy(h => h.Id).ToListAsync();
        Assert.Equal(4, history.Count);
        var restored = history[^1];
        Assert.Equal(HistoryEventTypes.Restored, restored.EventType);
        Assert.Equal("Third.", restored.BeforeSnapshot!["answer"]!.GetValue<string>());
        Assert.Equal("Because.", restored.AfterSnapshot!["answer"]!.GetValue<string>());
        Assert.Equal("Second.", history[1].AfterSnapshot!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revert_UndoesTheLatestChange_ButNotOneThatWasChangedSince()
    {
        await _db.Changes.SaveAsync(Data(), 0, Ada);
        await _db.Changes.SaveAsync(Data(answer: "Vandalised."), 1, Bob);
        await using var db = _db.CreateContext();
        var bad = await db.QuestionHistory.OrderByDescending(h => h.Id).FirstAsync();

        var reverted = await _db.Changes.RevertAsync("q-1", bad.Id, (JsonObject)bad.BeforeSnapshot!, $"Reverted change {bad.Id}", Ada);
        Assert.NotNull(reverted.Saved);
        Assert.Equal("Because.", (await LoadAsync()).Answer);

        // Reverting it again is refused: the revert itself is now the latest change.
        var again = await _db.Changes.RevertAsync("q-1", bad.Id, (JsonObject)bad.BeforeSnapshot!, $"Reverted change {bad.Id}", Ada);
        Assert.NotNull(again.Conflict);
    }
}
