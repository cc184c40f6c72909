using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Content;

/// <summary>
/// Relationship edits from the admin graph: each is history on the source question, bad links are
/// refused with a message, and a change is reverted only while the link is as it left it.
/// </summary>
public sealed class RelationshipChangeTests : IAsyncLifetime
{
    private static readonly ChangeSource Ada = new(HistoryEventSources.Admin, "ada@example.test");
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private RelationshipChangeService _links = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        _links = new RelationshipChangeService(_db.Factory, _clock);
        foreach (var id in new[] { "q-1", "q-2", "q-3" })
        {
            await _db.Changes.SaveAsync(new QuestionData
            {
                Id = id, Text = $"Question {id}?", Answer = "An answer.", Explanation = "Why.", Channel = "system-design", SubChannel = "caching",
            }, 0, Ada);
        }
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<List<QuestionHistory>> RelationshipHistoryAsync()
    {
        await using var db = _db.CreateContext();
        return (await db.QuestionHistory.AsNoTracking().OrderBy(h => h.Id).ToListAsync())
            .Where(h => HistoryEventTypes.IsRelationship(h.EventType)).ToList();
    }

    [Fact]
    public async Task Add_Change_Remove_EachIsHistoryOnTheSourceQuestion()
    {
        var added = await _links.AddAsync("q-1", "q-2", RelationshipTypes.Prerequisite, 80, Ada);
        Assert.True(added.Succeeded, added.Error);
        var id = added.Relationship!.Id;

        Assert.True((await _links.UpdateAsync(id, RelationshipTypes.DeeperDive, 40, Ada)).Succeeded);
        Assert.True((await _links.RemoveAsync(id, Ada)).Succeeded);

        var history = await RelationshipHistoryAsync();
        Assert.Equal(
            [HistoryEventTypes.RelationshipAdded, HistoryEventTypes.RelationshipChanged, HistoryEventTypes.RelationshipRemoved],
            history.Select(h => h.EventType));
        Assert.All(history, h => Assert.Equal(("q-1", "admin", "ada@example.test"), (h.QuestionId, h.EventSource, h.SourceName)));
        Assert.Null(history[0].BeforeSnapshot);
        Assert.Equal("q-2", history[0].AfterSnapshot!["targetQuestionId"]!.GetValue<string>());
        Assert.Equal("prerequisite", history[1].BeforeSnapshot!["relationshipType"]!.GetValue<string>());
        Assert.Equal(40, history[1].AfterSnapshot!["strength"]!.GetValue<int>());
        Assert.Null(history[2].AfterSnapshot);
        await using var db = _db.CreateContext();
        Assert.False(await db.QuestionRelationships.AnyAsync());
    }

    [Theory]
    [InlineData("q-1", "q-1", "related", 50, "cannot be linked to itself")]
    [InlineData("q-1", "q-404", "related", 50, "no question 'q-404'")]
    [InlineData("q-1", "q-2", "best-friend", 50, "Choose a type")]
    [InlineData("q-1", "q-2", "related", 101, "from 0 to 100")]
    public async Task BadLinks_AreRefusedWithAMessage_AndWriteNothing(string source, string target, string type, int strength, string message)
    {
        var outcome = await _links.AddAsync(source, target, type, strength, Ada);

        Assert.Contains(message, outcome.Error);
        await using var db = _db.CreateContext();
        Assert.False(await db.QuestionRelationships.AnyAsync());
        Assert.Empty(await RelationshipHistoryAsync());
    }

    [Fact]
    public async Task ASecondLinkBetweenTheSameQuestions_IsRefused_TheOtherDirectionIsNot()
    {
        await _links.AddAsync("q-1", "q-2", RelationshipTypes.Related, 50, Ada);

        var again = await _links.AddAsync("q-1", "q-2", RelationshipTypes.FollowUp, 70, Ada);
        var back = await _links.AddAsync("q-2", "q-1", RelationshipTypes.FollowUp, 70, Ada);

        Assert.Contains("already linked", again.Error);
        Assert.True(back.Succeeded, back.Error);
    }

    [Fact]
    public async Task Revert_UndoesEachKindOfChange_ButNotALinkChangedSince()
    {
        var id = (await _links.AddAsync("q-1", "q-2", RelationshipTypes.Related, 50, Ada)).Relationship!.Id;
        await _links.UpdateAsync(id, RelationshipTypes.Prerequisite, 90, Ada);
        var changed = (await RelationshipHistoryAsync())[^1];

        Assert.True((await _links.RevertAsync(changed, Ada)).Succeeded);
        await using (var db = _db.CreateContext())
        {
            var link = await db.QuestionRelationships.SingleAsync();
            Assert.Equal((RelationshipTypes.Related, 50), (link.RelationshipType, link.Strength));
        }

        // The change was undone since: undoing it again is refused.
        Assert.Contains("changed after", (await _links.RevertAsync(changed, Ada)).Error);

        await _links.RemoveAsync(id, Ada);
        var removed = (await RelationshipHistoryAsync())[^1];
        Assert.True((await _links.RevertAsync(removed, Ada)).Succeeded);
        await using (var db = _db.CreateContext())
        {
            var back = await db.QuestionRelationships.SingleAsync();
            Assert.Equal(("q-1", "q-2", RelationshipTypes.Related), (back.SourceQuestionId, back.TargetQuestionId, back.RelationshipType));
        }

        var readded = (await RelationshipHistoryAsync())[^1];
        Assert.True((await _links.RevertAsync(readded, Ada)).Succeeded);
        await using (var db = _db.CreateContext())
        {
            Assert.False(await db.QuestionRelationships.AnyAsync());
        }
    }

    [Fact]
    public async Task RelationshipEvents_DoNotBlockRevertingTheQuestionsOwnLatestChange()
    {
        await _db.Changes.SaveAsync(new QuestionData
        {
            Id = "q-1", Text = "Question q-1, reworded?", Answer = "An answer.", Explanation = "Why.", Channel = "system-design", SubChannel = "caching",
        }, 1, Ada);
        await using var db = _db.CreateContext();
        var edit = await db.QuestionHistory.OrderByDescending(h => h.Id).FirstAsync();
        await _links.AddAsync("q-1", "q-3", RelationshipTypes.Related, 50, Ada);

        var reverted = await _db.Changes.RevertAsync("q-1", edit.Id, (System.Text.Json.Nodes.JsonObject)edit.BeforeSnapshot!, "Reverted", Ada);

        Assert.NotNull(reverted.Saved);
        Assert.Equal("Question q-1?", (await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "q-1")).Text);
    }
}
