using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Bots;

/// <summary>
/// A bot's edit of one question: the fields it changes as it read them (<see cref="Before"/>) and as it
/// would have them (<see cref="After"/>), in the history snapshots' field names, and why.
/// </summary>
public sealed record QuestionEdit(string QuestionId, JsonObject Before, JsonObject After, string Reason, JsonNode? Context = null)
{
    /// <summary>
    /// The edit that sets <paramref name="changes"/> on a question whose snapshot is <paramref name="current"/>;
    /// fields that would not change are left out, and null is returned when none would.
    /// </summary>
    public static QuestionEdit? Of(JsonObject current, JsonObject changes, string reason, JsonNode? context = null)
    {
        var id = current["id"]?.GetValue<string>() ?? throw new ArgumentException("The snapshot has no id.", nameof(current));
        var before = new JsonObject();
        var after = new JsonObject();
        foreach (var (field, value) in changes)
        {
            if (!JsonNode.DeepEquals(current[field], value))
            {
                before[field] = current[field]?.DeepClone();
                after[field] = value?.DeepClone();
            }
        }

        return after.Count == 0 ? null : new QuestionEdit(id, before, after, reason, context);
    }
}

/// <summary>Who submits an edit: the bot, its run, how its edits are handled, and the work item it completes.</summary>
public sealed record BotActor(string Bot, int? RunId, BotMode Mode, WorkClaim? Work = null);

/// <summary>A work item a worker holds: completed in the transaction that applies its effect.</summary>
public sealed record WorkClaim(int ItemId, string Worker);

/// <summary>What became of a submitted edit.</summary>
public enum EditOutcome
{
    /// <summary>Applied to the question, with its history row and ledger entry.</summary>
    Published,

    /// <summary>Waiting in the review queue.</summary>
    Proposed,

    /// <summary>The same edit was already waiting for review.</summary>
    AlreadyProposed,

    /// <summary>An admin rejected the same edit of the question as it still is: it is not proposed again.</summary>
    Rejected,

    /// <summary>The question already had those values.</summary>
    Unchanged,

    /// <summary>The question changed since the bot read it; nothing was written (the bot reads it again on its next attempt).</summary>
    Changed,

    /// <summary>There is no such question.</summary>
    Missing,

    /// <summary>The worker no longer held its work item; nothing was written.</summary>
    LeaseLost,
}

/// <summary>What an admin's approval did: applied, or refused with the reason.</summary>
public sealed record ReviewOutcome(bool Applied, string? Error)
{
    public static readonly ReviewOutcome Done = new(true, null);

    public static ReviewOutcome Refused(string error) => new(false, error);
}

/// <summary>
/// How bots change questions. An edit is published (applied through the content-change path, so
/// <c>questionHistory</c> has it with event source <c>bot</c>) or proposed (a row in the review queue);
/// either way the bot's ledger entry, with the question's full state before and after, and the completion
/// of the work item that asked for it are written in the same transaction. So a worker that dies mid-way
/// leaves either all of it or none of it, and an edit is never applied twice.
/// An approved proposal is applied only while every field it changes still holds the value the bot read
/// and no one but a bot has edited those fields since it was proposed: a bot never overwrites an admin.
/// </summary>
public sealed class BotEdits(IDbContextFactory<AppDbContext> dbFactory, ContentChangeService content, WorkQueue queue, TimeProvider clock)
{
    public const string EditAction = "edit";
    public const string ProposeAction = "propose";
    public const string ApplyProposalAction = "apply-proposal";

    /// <summary>Applies or proposes <paramref name="edit"/> as <paramref name="actor"/> says, and completes its work item.</summary>
    public async Task<EditOutcome> SubmitAsync(BotActor actor, QuestionEdit edit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var question = await ContentChangeService.LoadAsync(db, edit.QuestionId, ct);
        if (question is null)
        {
            return await FinishAsync(db, tx, actor, EditOutcome.Missing, new JsonObject { ["outcome"] = "the question no longer exists" }, ct);
        }

        var current = QuestionData.FromEntity(question).ToSnapshot();
        if (!edit.Before.All(f => JsonNode.DeepEquals(current[f.Key], f.Value)))
        {
            return EditOutcome.Changed;
        }

        if (edit.After.All(f => JsonNode.DeepEquals(current[f.Key], f.Value)))
        {
            return await FinishAsync(db, tx, actor, EditOutcome.Unchanged, new JsonObject { ["outcome"] = "nothing to change" }, ct);
        }

        var now = clock.UtcNow();
        if (actor.Mode == BotMode.Publish)
        {
            var changed = Apply(db, question, current, edit.After, new ChangeSource(HistoryEventSources.Bot, actor.Bot, edit.Reason, Metadata(actor)),
                await CertificationRules.LoadAsync(db, ct));
            await LedgerChain.AppendAsync(db, new BotLedgerEntry
            {
                BotName = actor.Bot, Action = EditAction, ItemType = "question", ItemId = edit.QuestionId, RunId = actor.RunId,
                BeforeState = current, AfterState = QuestionData.FromEntity(question).ToSnapshot(), Reason = edit.Reason, CreatedAt = now,
            }, ct);
            return await FinishAsync(db, tx, actor, EditOutcome.Published,
                new JsonObject { ["outcome"] = "published", ["fields"] = new JsonArray([.. changed.Select(f => (JsonNode)f)]) }, ct);
        }

        // The same edit waiting, or rejected for the question as it still is, is not proposed again.
        var earlier = await db.BotProposals.AsNoTracking()
            .Where(p => p.ItemId == edit.QuestionId && p.BotName == actor.Bot && (p.Status == ProposalStatus.Pending || p.Status == ProposalStatus.Rejected))
            .Select(p => new { p.Status, p.Before, p.After })
            .ToListAsync(ct);
        if (earlier.Any(p => p.Status == ProposalStatus.Pending && JsonNode.DeepEquals(p.After, edit.After)))
        {
            return await FinishAsync(db, tx, actor, EditOutcome.AlreadyProposed, new JsonObject { ["outcome"] = "already proposed" }, ct);
        }

        if (earlier.Any(p => p.Status == ProposalStatus.Rejected && JsonNode.DeepEquals(p.After, edit.After) && JsonNode.DeepEquals(p.Before, edit.Before)))
        {
            return await FinishAsync(db, tx, actor, EditOutcome.Rejected, new JsonObject { ["outcome"] = "rejected before" }, ct);
        }

        var proposal = new BotProposal
        {
            BotName = actor.Bot, RunId = actor.RunId, ItemId = edit.QuestionId, Before = edit.Before, After = edit.After,
            Context = edit.Context?.DeepClone(), Reason = edit.Reason, CreatedAt = now,
        };
        db.BotProposals.Add(proposal);
        await LedgerChain.AppendAsync(db, new BotLedgerEntry
        {
            BotName = actor.Bot, Action = ProposeAction, ItemType = "question", ItemId = edit.QuestionId, RunId = actor.RunId,
            BeforeState = edit.Before.DeepClone(), AfterState = edit.After.DeepClone(), Reason = edit.Reason, CreatedAt = now,
        }, ct);
        return await FinishAsync(db, tx, actor, EditOutcome.Proposed, new JsonObject { ["outcome"] = "proposed" }, ct);
    }

    /// <summary>
    /// Applies a pending proposal for <paramref name="admin"/>, unless a field it changes was edited after it
    /// was proposed: then it becomes stale, with the edit that made it so, and nothing is written.
    /// </summary>
    public async Task<ReviewOutcome> ApproveAsync(int proposalId, string admin, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.LockForUpdateAsync($"SELECT id FROM botProposals WHERE id = {proposalId} FOR UPDATE", ct);
        var proposal = await db.BotProposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return ReviewOutcome.Refused($"There is no proposal #{proposalId}.");
        }

        if (proposal.Status != ProposalStatus.Pending)
        {
            return ReviewOutcome.Refused($"Proposal #{proposalId} is already {Vocabulary.ToText(proposal.Status)}.");
        }

        var now = clock.UtcNow();
        var question = await ContentChangeService.LoadAsync(db, proposal.ItemId, ct);
        var stale = question is null
            ? $"question {proposal.ItemId} no longer exists"
            : await EditedSinceAsync(db, proposal, QuestionData.FromEntity(question).ToSnapshot(), ct);
        if (stale is not null)
        {
            (proposal.Status, proposal.DecidedAt, proposal.DecidedBy, proposal.DecisionNote) = (ProposalStatus.Stale, now, admin, stale);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return ReviewOutcome.Refused($"Not applied: {stale}. The proposal is marked stale.");
        }

        var before = QuestionData.FromEntity(question!).ToSnapshot();
        var metadata = new JsonObject { ["proposal"] = proposal.Id, ["approvedBy"] = admin };
        if (proposal.RunId is { } run)
        {
            metadata["run"] = run;
        }

        Apply(db, question!, before, proposal.After, new ChangeSource(HistoryEventSources.Bot, proposal.BotName, proposal.Reason, metadata),
            await CertificationRules.LoadAsync(db, ct));
        await LedgerChain.AppendAsync(db, new BotLedgerEntry
        {
            BotName = proposal.BotName, Action = ApplyProposalAction, ItemType = proposal.ItemType, ItemId = proposal.ItemId, RunId = proposal.RunId,
            BeforeState = before, AfterState = QuestionData.FromEntity(question!).ToSnapshot(),
            Reason = $"proposal #{proposal.Id} approved by {admin}: {proposal.Reason}", CreatedAt = now,
        }, ct);
        (proposal.Status, proposal.DecidedAt, proposal.DecidedBy) = (ProposalStatus.Approved, now, admin);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        content.Committed();
        return ReviewOutcome.Done;
    }

    /// <summary>Rejects a pending proposal; <paramref name="why"/> is required and kept with it.</summary>
    public async Task<ReviewOutcome> RejectAsync(int proposalId, string admin, string why, CancellationToken ct = default)
    {
        why = why.Trim();
        if (why.Length == 0)
        {
            return ReviewOutcome.Refused("Say why the proposal is rejected: the bot's authors and other admins read it.");
        }

        if (why.Length > 1000)
        {
            return ReviewOutcome.Refused("Keep the reason under 1,000 characters.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow();
        var rejected = await db.BotProposals
            .Where(p => p.Id == proposalId && p.Status == ProposalStatus.Pending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Status, ProposalStatus.Rejected)
                .SetProperty(p => p.DecidedAt, now)
                .SetProperty(p => p.DecidedBy, admin)
                .SetProperty(p => p.DecisionNote, why), ct);
        return rejected == 1 ? ReviewOutcome.Done : ReviewOutcome.Refused($"Proposal #{proposalId} is not waiting for review.");
    }

    /// <summary>
    /// Why <paramref name="proposal"/> can no longer be applied to a question now at <paramref name="current"/>:
    /// a field's value is not the one the bot read, or someone other than a bot edited the field after the
    /// proposal was made. Null when it still applies.
    /// </summary>
    private static async Task<string?> EditedSinceAsync(AppDbContext db, BotProposal proposal, JsonObject current, CancellationToken ct)
    {
        var fields = proposal.After.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var edits = await db.QuestionHistory.AsNoTracking()
            .Where(h => h.QuestionId == proposal.ItemId && h.CreatedAt >= proposal.CreatedAt && h.EventSource != HistoryEventSources.Bot)
            .OrderBy(h => h.Id)
            .Select(h => new { h.ChangedFields, h.SourceName, h.EventSource, h.CreatedAt })
            .ToListAsync(ct);
        if (edits.FirstOrDefault(e => e.ChangedFields?.Any(fields.Contains) == true) is { } edit)
        {
            var field = edit.ChangedFields!.First(fields.Contains);
            return $"{field} was edited by {edit.SourceName ?? edit.EventSource} at {UtcIso.Format(edit.CreatedAt)}, after the proposal";
        }

        if (proposal.Before.FirstOrDefault(f => !JsonNode.DeepEquals(current[f.Key], f.Value)) is { Key: { } changed })
        {
            return $"{changed} is no longer what the bot read";
        }

        return null;
    }

    private List<string> Apply(AppDbContext db, Question question, JsonObject current, JsonObject after, ChangeSource source, CertificationRules rules)
    {
        var snapshot = current.DeepClone().AsObject();
        foreach (var (field, value) in after)
        {
            snapshot[field] = value?.DeepClone();
        }

        var data = JsonSerializer.Deserialize<QuestionData>(snapshot, JsonColumns.Options)!;
        return [.. content.Upsert(db, question, data with { LastUpdated = null }, source, rules).ChangedFields];
    }

    private static JsonObject Metadata(BotActor actor)
    {
        var metadata = new JsonObject();
        if (actor.RunId is { } run)
        {
            metadata["run"] = run;
        }

        if (actor.Work is { } work)
        {
            metadata["workItem"] = work.ItemId;
        }

        return metadata;
    }

    private async Task<EditOutcome> FinishAsync(
        AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, BotActor actor, EditOutcome outcome, JsonObject result, CancellationToken ct)
    {
        if (actor.Work is { } work && !await queue.CompleteAsync(db, work.ItemId, work.Worker, result, ct))
        {
            return EditOutcome.LeaseLost;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (outcome == EditOutcome.Published)
        {
            content.Committed();
        }

        return outcome;
    }
}
