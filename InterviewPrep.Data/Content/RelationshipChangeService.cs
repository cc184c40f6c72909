using System.Text.Json.Nodes;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content;

/// <summary>What a relationship change did: the relationship as it is now, or why it was refused.</summary>
public sealed record RelationshipOutcome(QuestionRelationship? Relationship, string? Error)
{
    public bool Succeeded => Error is null;

    public static RelationshipOutcome Refused(string error) => new(null, error);
}

/// <summary>
/// Adds, changes and removes relationships between questions (<c>questionRelationships</c>).
/// Each change writes a history row on the source question in the same transaction, with the
/// relationship before and after it; a link from a question to itself, a second link between the
/// same two questions, an unknown type or a strength outside 0–100 is refused with a message.
/// </summary>
public sealed class RelationshipChangeService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ContentVersion? version = null)
{
    /// <param name="also">Called with the relationship before and after the change, inside its transaction, for a record that must go with it (a bot's ledger entry).</param>
    public async Task<RelationshipOutcome> AddAsync(
        string sourceId, string targetId, string type, int strength, ChangeSource source, CancellationToken ct = default,
        Func<AppDbContext, JsonObject?, JsonObject?, CancellationToken, Task>? also = null)
    {
        if (Invalid(type, strength) is { } invalid)
        {
            return RelationshipOutcome.Refused(invalid);
        }

        if (sourceId == targetId)
        {
            return RelationshipOutcome.Refused("A question cannot be linked to itself.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.LockKeyAsync($"relationship:{sourceId}>{targetId}", ct);
        var found = await db.Questions.Where(q => q.Id == sourceId || q.Id == targetId).Select(q => q.Id).ToListAsync(ct);
        if (found.Count < 2)
        {
            var missing = found.Contains(sourceId) ? targetId : sourceId;
            return RelationshipOutcome.Refused($"There is no question '{missing}'.");
        }

        if (await ExistingAsync(db, sourceId, targetId, ct) is { } existing)
        {
            return RelationshipOutcome.Refused(
                $"{sourceId} is already linked to {targetId} ({RelationshipTypes.ToText(existing.RelationshipType)}); change that link instead.");
        }

        var now = clock.UtcNow();
        var relationship = new QuestionRelationship
        {
            SourceQuestionId = sourceId, TargetQuestionId = targetId, RelationshipType = type, Strength = strength, CreatedAt = now,
        };
        db.QuestionRelationships.Add(relationship);
        // Saved first for its id, which the history row names.
        if (!await TrySaveAsync(db, tx, ct))
        {
            return Conflict(relationship);
        }

        AddHistory(db, HistoryEventTypes.RelationshipAdded, source, null, relationship, now,
            $"Linked to {targetId} as {RelationshipTypes.ToText(type)} (strength {strength})");
        if (also is not null)
        {
            await also(db, null, Snapshot(relationship), ct);
        }

        return await CommitAsync(db, tx, relationship, ct);
    }

    public async Task<RelationshipOutcome> UpdateAsync(
        int id, string type, int strength, ChangeSource source, CancellationToken ct = default, Func<AppDbContext, JsonObject?, JsonObject?, CancellationToken, Task>? also = null)
    {
        if (Invalid(type, strength) is { } invalid)
        {
            return RelationshipOutcome.Refused(invalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var relationship = await LoadAsync(db, id, ct);
        if (relationship is null)
        {
            return RelationshipOutcome.Refused("That relationship no longer exists; someone removed it.");
        }

        if (relationship.RelationshipType == type && relationship.Strength == strength)
        {
            return new RelationshipOutcome(relationship, null);
        }

        if (type != relationship.RelationshipType && await db.QuestionRelationships.AnyAsync(r =>
                r.SourceQuestionId == relationship.SourceQuestionId && r.TargetQuestionId == relationship.TargetQuestionId
                && r.RelationshipType == type, ct))
        {
            return RelationshipOutcome.Refused($"These questions are already linked as {RelationshipTypes.ToText(type)}.");
        }

        var before = Snapshot(relationship);
        relationship.RelationshipType = type;
        relationship.Strength = strength;
        AddHistory(db, HistoryEventTypes.RelationshipChanged, source, before, relationship, clock.UtcNow(),
            $"Link to {relationship.TargetQuestionId} is now {RelationshipTypes.ToText(type)} (strength {strength})");
        if (also is not null)
        {
            await also(db, before, Snapshot(relationship), ct);
        }

        return await CommitAsync(db, tx, relationship, ct);
    }

    public async Task<RelationshipOutcome> RemoveAsync(int id, ChangeSource source, CancellationToken ct = default, Func<AppDbContext, JsonObject?, JsonObject?, CancellationToken, Task>? also = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var relationship = await LoadAsync(db, id, ct);
        if (relationship is null)
        {
            return RelationshipOutcome.Refused("That relationship no longer exists; someone removed it.");
        }

        var before = Snapshot(relationship);
        db.QuestionRelationships.Remove(relationship);
        db.QuestionHistory.Add(History(HistoryEventTypes.RelationshipRemoved, source, relationship.SourceQuestionId, before, null,
            clock.UtcNow(), $"Unlinked from {relationship.TargetQuestionId} ({RelationshipTypes.ToText(relationship.RelationshipType)})"));
        if (also is not null)
        {
            await also(db, before, null, ct);
        }

        return await CommitAsync(db, tx, relationship, ct);
    }

    /// <summary>
    /// Undoes one relationship change from history, only while the relationship is still as that
    /// change left it: an added link is removed, a removed link comes back, a changed link goes back
    /// to its earlier type and strength. The undo is itself a change, with its own history row.
    /// </summary>
    public async Task<RelationshipOutcome> RevertAsync(QuestionHistory change, ChangeSource source, CancellationToken ct = default)
    {
        var before = change.BeforeSnapshot as JsonObject;
        var after = change.AfterSnapshot as JsonObject;
        var snapshot = after ?? before ?? throw new ArgumentException("The change has no relationship snapshot.", nameof(change));
        var id = snapshot["id"]!.GetValue<int>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var current = await db.QuestionRelationships.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            var unchangedSince = change.EventType switch
            {
                HistoryEventTypes.RelationshipRemoved => current is null,
                _ => current is not null && JsonNode.DeepEquals(Snapshot(current), after),
            };
            if (!unchangedSince)
            {
                return RelationshipOutcome.Refused("That link changed after this change; change it on the graph instead.");
            }
        }

        return change.EventType switch
        {
            HistoryEventTypes.RelationshipAdded => await RemoveAsync(id, source, ct),
            HistoryEventTypes.RelationshipChanged => await UpdateAsync(
                id, before!["relationshipType"]!.GetValue<string>(), before["strength"]!.GetValue<int>(), source, ct),
            HistoryEventTypes.RelationshipRemoved => await AddAsync(
                before!["sourceQuestionId"]!.GetValue<string>(), before["targetQuestionId"]!.GetValue<string>(),
                before["relationshipType"]!.GetValue<string>(), before["strength"]!.GetValue<int>(), source, ct),
            _ => throw new ArgumentException($"Change {change.Id} is not a relationship change.", nameof(change)),
        };
    }

    /// <summary>Why a type and strength are refused, or null.</summary>
    public static string? Invalid(string type, int strength) =>
        !RelationshipTypes.All.Contains(type)
            ? $"Choose a type: {string.Join(", ", RelationshipTypes.All.Select(RelationshipTypes.ToText))}."
            : strength is < 0 or > 100 ? "Strength is from 0 to 100." : null;

    private static async Task<QuestionRelationship?> LoadAsync(AppDbContext db, int id, CancellationToken ct)
    {
        // Two admins changing the same link are taken one after the other.
        await db.Database.LockForUpdateAsync($"SELECT id FROM questionrelationships WHERE id = {id} FOR UPDATE", ct);
        return await db.QuestionRelationships.SingleOrDefaultAsync(r => r.Id == id, ct);
    }

    private static Task<QuestionRelationship?> ExistingAsync(AppDbContext db, string sourceId, string targetId, CancellationToken ct) =>
        db.QuestionRelationships.AsNoTracking()
            .Where(r => r.SourceQuestionId == sourceId && r.TargetQuestionId == targetId)
            .OrderBy(r => r.Id)
            .FirstOrDefaultAsync(ct);

    private async Task<RelationshipOutcome> CommitAsync(
        AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, QuestionRelationship relationship, CancellationToken ct)
    {
        if (!await TrySaveAsync(db, tx, ct))
        {
            return Conflict(relationship);
        }

        await tx.CommitAsync(ct);
        version?.Bump();
        return new RelationshipOutcome(relationship, null);
    }

    private static async Task<bool> TrySaveAsync(AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique pair index: another admin made the same link a moment ago.
            await tx.RollbackAsync(ct);
            return false;
        }
    }

    private static RelationshipOutcome Conflict(QuestionRelationship r) => RelationshipOutcome.Refused(
        $"{r.SourceQuestionId} was linked to {r.TargetQuestionId} by someone else a moment ago; reload to see it.");

    private static void AddHistory(
        AppDbContext db, string eventType, ChangeSource source, JsonObject? before, QuestionRelationship after, DateTime now, string summary) =>
        db.QuestionHistory.Add(History(eventType, source, after.SourceQuestionId, before, Snapshot(after), now, summary));

    private static QuestionHistory History(
        string eventType, ChangeSource source, string questionId, JsonObject? before, JsonObject? after, DateTime now, string summary) => new()
    {
        QuestionId = questionId,
        EventType = eventType,
        EventSource = source.EventSource,
        SourceName = source.SourceName,
        ChangesSummary = summary,
        ChangedFields = ["relationships"],
        BeforeSnapshot = before,
        AfterSnapshot = after,
        Reason = source.Reason,
        Metadata = source.Metadata?.DeepClone(),
        CreatedAt = now,
    };

    public static JsonObject Snapshot(QuestionRelationship r) => new()
    {
        ["id"] = r.Id,
        ["sourceQuestionId"] = r.SourceQuestionId,
        ["targetQuestionId"] = r.TargetQuestionId,
        ["relationshipType"] = r.RelationshipType,
        ["strength"] = r.Strength,
    };
}
