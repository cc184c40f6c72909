using System.Text.Json.Nodes;
using InterviewPrep.Data.Entities;

namespace InterviewPrep.Data.Content;

/// <summary>
/// The history of content other than questions (learning paths, voice sessions, the voice synonym
/// list): each change writes a row of the design's <c>questionHistory</c> with its item type, the
/// item's id, the fields that changed and the whole item before and after, in the transaction that
/// changes it.
/// </summary>
public static class ItemChanges
{
    /// <summary>The fields whose values differ between two snapshots, in the order of the newer one.</summary>
    public static List<string> ChangedFields(JsonObject? before, JsonObject? after) =>
        (after?.Select(p => p.Key) ?? [])
            .Concat(before?.Select(p => p.Key) ?? [])
            .Distinct(StringComparer.Ordinal)
            .Where(name => !JsonNode.DeepEquals(before?[name], after?[name]))
            .ToList();

    /// <summary>
    /// Adds the history row for an item created (<paramref name="before"/> null), changed, or deleted
    /// (<paramref name="after"/> null); returns the fields that changed, empty (and no row) when nothing did.
    /// A bot's change also gets its ledger entry (<see cref="Bots.LedgerChain"/>), in the same transaction.
    /// </summary>
    public static async Task<List<string>> RecordAsync(
        AppDbContext db, string itemType, string id, string label, JsonObject? before, JsonObject? after, ChangeSource source, DateTime now,
        CancellationToken ct = default)
    {
        var changed = ChangedFields(before, after);
        if (changed.Count == 0)
        {
            return changed;
        }

        db.QuestionHistory.Add(new QuestionHistory
        {
            QuestionId = id,
            QuestionType = itemType,
            EventType = before is null ? HistoryEventTypes.Created : after is null ? HistoryEventTypes.Deleted : HistoryEventTypes.Updated,
            EventSource = source.EventSource,
            SourceName = source.SourceName,
            Reason = source.Reason,
            Metadata = source.Metadata?.DeepClone(),
            ChangesSummary = before is null ? $"Created {label}" : after is null ? $"Deleted {label}" : $"Changed {string.Join(", ", changed)}",
            ChangedFields = changed,
            BeforeSnapshot = before,
            AfterSnapshot = after,
            CreatedAt = now,
        });
        if (source.EventSource == HistoryEventSources.Bot)
        {
            await Bots.LedgerChain.AppendAsync(db, new BotLedgerEntry
            {
                BotName = source.SourceName ?? "bot",
                Action = before is null ? "create" : after is null ? "delete" : "update",
                ItemType = itemType,
                ItemId = id,
                BeforeState = before?.DeepClone(),
                AfterState = after?.DeepClone(),
                Reason = source.Reason,
                RunId = source.Metadata?["run"]?.GetValue<int>(),
                CreatedAt = now,
            }, ct);
        }

        return changed;
    }
}
