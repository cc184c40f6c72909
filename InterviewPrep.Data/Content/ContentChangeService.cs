using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content;

/// <summary>Who makes a change and why; written to every history row.</summary>
/// <param name="EventSource">One of <see cref="HistoryEventSources"/>.</param>
/// <param name="SourceName">A user name, bot name or import file.</param>
/// <param name="Metadata">Stored in the history row's <c>metadata</c> (what an import inferred, for example).</param>
public sealed record ChangeSource(string EventSource, string? SourceName, string? Reason = null, JsonNode? Metadata = null);

public enum ChangeKind { Created, Updated, Unchanged, Deleted, Restored }

public sealed record ContentChange(string QuestionId, ChangeKind Kind, IReadOnlyList<string> ChangedFields);

/// <summary>A save that went through, with the question's revision after it.</summary>
public sealed record SavedQuestion(ContentChange Change, int Revision);

/// <summary>
/// A save refused because the question changed since the editor loaded it (or, for a new
/// question, because the id is taken): the question as it is now, its revision, and the history
/// rows of the changes the editor had not seen, newest first.
/// </summary>
public sealed record SaveConflict(QuestionData? Current, int CurrentRevision, IReadOnlyList<QuestionHistory> Events);

/// <summary>Either <see cref="Saved"/> or <see cref="Conflict"/>.</summary>
public sealed record SaveOutcome(SavedQuestion? Saved, SaveConflict? Conflict);

/// <summary>What a bulk edit changed, and the ids it did not find.</summary>
public sealed record BulkOutcome(IReadOnlyList<ContentChange> Changes, IReadOnlyList<string> Missing)
{
    public int Updated => Changes.Count(c => c.Kind != ChangeKind.Unchanged);
}

/// <summary>
/// The one path through which questions are created, updated, soft-deleted and restored. Every
/// change writes a <c>questionHistory</c> row (changed fields, before and after snapshots) in the
/// same transaction as the change, and keeps the question's channel mappings in step: its own
/// channel's and those of the certifications that draw from that channel (<see cref="CertificationRules"/>).
/// Imports, admin pages and bots all use it.
/// </summary>
public sealed class ContentChangeService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ContentVersion? version = null)
{
    /// <summary>Creates or updates one question in its own transaction.</summary>
    public async Task<ContentChange> UpsertAsync(QuestionData data, ChangeSource source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await LoadAsync(db, data.Id, ct);
        var change = Upsert(db, existing, data, source, await CertificationRules.LoadAsync(db, ct));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Committed();
        return change;
    }

    /// <summary>Marks a question deleted; it stays in the database and can be restored.</summary>
    public Task<ContentChange> SoftDeleteAsync(string id, ChangeSource source, CancellationToken ct = default) =>
        SetStatusAsync(id, QuestionStatus.Deleted, ChangeKind.Deleted, HistoryEventTypes.Deleted, source, ct);

    /// <summary>Brings a soft-deleted (or flagged) question back to active.</summary>
    public Task<ContentChange> RestoreAsync(string id, ChangeSource source, CancellationToken ct = default) =>
        SetStatusAsync(id, QuestionStatus.Active, ChangeKind.Restored, HistoryEventTypes.Restored, source, ct);

    /// <summary>
    /// Saves an editor's version of a question, unless the question changed since the editor
    /// loaded it: <paramref name="expectedRevision"/> is the revision the editor started from
    /// (0 for a new question). A stale save changes nothing and returns what the other changes did.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(QuestionData data, int expectedRevision, ChangeSource source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await LoadAsync(db, data.Id, ct);
        if ((existing?.Revision ?? 0) != expectedRevision)
        {
            return new SaveOutcome(null, await ConflictAsync(db, data.Id, existing, expectedRevision, ct));
        }

        var change = Upsert(db, existing, data with { LastUpdated = null }, source, await CertificationRules.LoadAsync(db, ct));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Committed();
        return new SaveOutcome(new SavedQuestion(change, existing?.Revision ?? 1), null);
    }

    /// <summary>
    /// Applies one edit to many questions in one transaction (an admin's bulk action): each changed
    /// question gets its own history row; questions the edit leaves as they are get none.
    /// Unknown ids are reported, not guessed at.
    /// </summary>
    public async Task<BulkOutcome> BulkAsync(
        IReadOnlyCollection<string> ids, Func<QuestionData, QuestionData> edit, ChangeSource source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changes = new List<ContentChange>();
        var missing = new List<string>();
        var rules = await CertificationRules.LoadAsync(db, ct);
        foreach (var id in ids.Distinct())
        {
            var existing = await LoadAsync(db, id, ct);
            if (existing is null)
            {
                missing.Add(id);
                continue;
            }

            changes.Add(Upsert(db, existing, edit(QuestionData.FromEntity(existing)) with { LastUpdated = null }, source, rules));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Committed();
        return new BulkOutcome(changes, missing);
    }

    /// <summary>
    /// Brings a question back to a version from its history (a snapshot of a history row): a new
    /// <c>restored</c> event with the before and after snapshots, so history is never rewritten.
    /// With <paramref name="expectedRevision"/>, refuses when the question changed since it was read.
    /// </summary>
    public Task<SaveOutcome> RestoreVersionAsync(
        string id, JsonObject snapshot, string summary, ChangeSource source, int? expectedRevision = null, CancellationToken ct = default) =>
        RestoreCoreAsync(id, snapshot, summary, source, (_, q, _) => Task.FromResult(expectedRevision is null || q.Revision == expectedRevision), ct);

    /// <summary>
    /// Undoes one change (history row <paramref name="historyId"/>) by restoring the version before
    /// it, only while that change is still the question's latest: a later change is never undone
    /// silently along with it.
    /// </summary>
    public Task<SaveOutcome> RevertAsync(string id, int historyId, JsonObject before, string summary, ChangeSource source, CancellationToken ct = default) =>
        RestoreCoreAsync(id, before, summary, source, async (db, _, c) =>
            await db.QuestionHistory.Where(h => h.QuestionId == id && HistoryEventTypes.QuestionVersions.Contains(h.EventType))
                .MaxAsync(h => (int?)h.Id, c) == historyId, ct);

    private async Task<SaveOutcome> RestoreCoreAsync(
        string id, JsonObject snapshot, string summary, ChangeSource source,
        Func<AppDbContext, Question, CancellationToken, Task<bool>> stillValid, CancellationToken ct)
    {
        var data = JsonSerializer.Deserialize<QuestionData>(snapshot, JsonColumns.Options)
            ?? throw new ArgumentException("The snapshot is empty.", nameof(snapshot));
        if (data.Id != id)
        {
            throw new ArgumentException($"The snapshot is of question '{data.Id}', not '{id}'.", nameof(snapshot));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await LoadAsync(db, id, ct);
        if (existing is null || !await stillValid(db, existing, ct))
        {
            return new SaveOutcome(null, await ConflictAsync(db, id, existing, existing?.Revision - 1 ?? 0, ct));
        }

        var change = Upsert(
            db, existing, data with { LastUpdated = null }, source, await CertificationRules.LoadAsync(db, ct), HistoryEventTypes.Restored, summary);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Committed();
        return new SaveOutcome(new SavedQuestion(change, existing.Revision), null);
    }

    private static async Task<SaveConflict> ConflictAsync(AppDbContext db, string id, Question? current, int expectedRevision, CancellationToken ct)
    {
        // The changes the editor has not seen: the newest history rows, one per revision it missed.
        var missed = current is null ? 0 : Math.Max(1, current.Revision - expectedRevision);
        var events = await db.QuestionHistory.AsNoTracking()
            .Where(h => h.QuestionId == id && HistoryEventTypes.QuestionVersions.Contains(h.EventType))
            .OrderByDescending(h => h.Id)
            .Take(Math.Min(missed, 20))
            .ToListAsync(ct);
        return new SaveConflict(current is null ? null : QuestionData.FromEntity(current), current?.Revision ?? 0, events);
    }

    /// <summary>
    /// Creates or updates a question on a context the caller owns, so that several changes share
    /// one transaction (an import file). <paramref name="existing"/> must be tracked by
    /// <paramref name="db"/> (with its channel mappings) or null for a new question. With
    /// <paramref name="rules"/>, the question's certification mappings follow it.
    /// </summary>
    public ContentChange Upsert(
        AppDbContext db, Question? existing, QuestionData data, ChangeSource source, CertificationRules? rules,
        string? eventTypeOverride = null, string? summary = null)
    {
        var now = clock.UtcNow();
        var after = data.ToSnapshot();
        if (existing is null)
        {
            var created = new Question
            {
                Id = data.Id,
                Text = data.Text,
                Answer = data.Answer,
                Explanation = data.Explanation,
                Channel = data.Channel,
                SubChannel = data.SubChannel,
                CreatedAt = data.CreatedAt ?? now,
                LastUpdated = data.LastUpdated ?? data.CreatedAt ?? now,
            };
            data.ApplyTo(created);
            created.ChannelMappings.Add(new ChannelMapping { ChannelId = data.Channel, SubChannel = data.SubChannel, QuestionId = data.Id });
            rules?.Follow(db, created, data.Channel, data.SubChannel, created: true);
            db.Questions.Add(created);
            AddHistory(db, data.Id, HistoryEventTypes.Created, source, [], null, Snapshot(created), now, $"Created in {data.Channel}");
            return new ContentChange(data.Id, ChangeKind.Created, []);
        }

        var before = Snapshot(existing);
        var changed = QuestionData.ChangedFields(before, after);
        if (changed.Count == 0)
        {
            return new ContentChange(data.Id, ChangeKind.Unchanged, []);
        }

        var (oldChannel, oldSubChannel) = (existing.Channel, existing.SubChannel);
        data.ApplyTo(existing);
        existing.LastUpdated = data.LastUpdated is { } stamp && stamp > existing.LastUpdated ? stamp : now;
        existing.Revision++;
        SyncOwnChannelMapping(existing, oldChannel);
        rules?.Follow(db, existing, oldChannel, oldSubChannel, created: false);
        var eventType = eventTypeOverride ?? (before["status"]?.GetValue<string>(), existing.Status) switch
        {
            (not "deleted", QuestionStatus.Deleted) => HistoryEventTypes.Deleted,
            ("deleted", not QuestionStatus.Deleted) => HistoryEventTypes.Restored,
            _ => HistoryEventTypes.Updated,
        };
        AddHistory(db, existing.Id, eventType, source, changed, before, Snapshot(existing), now, summary ?? $"Changed {string.Join(", ", changed)}");
        return new ContentChange(existing.Id, ChangeKind.Updated, changed);
    }

    /// <summary>Tells read models that content changed; callers of <see cref="Upsert"/> call it after their commit.</summary>
    public void Committed() => version?.Bump();

    /// <summary>Loads a question with its channel mappings, tracked, for <see cref="Upsert"/>.</summary>
    public static async Task<Question?> LoadAsync(AppDbContext db, string id, CancellationToken ct)
    {
        // Compared with what is written next: no other writer may change it in between.
        await db.Database.LockForUpdateAsync($"SELECT id FROM questions WHERE id = {id} FOR UPDATE", ct);
        return await db.Questions.Include(q => q.ChannelMappings).SingleOrDefaultAsync(q => q.Id == id, ct);
    }

    private async Task<ContentChange> SetStatusAsync(
        string id, QuestionStatus status, ChangeKind kind, string eventType, ChangeSource source, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var question = await LoadAsync(db, id, ct) ?? throw new KeyNotFoundException($"There is no question '{id}'.");
        if (question.Status == status)
        {
            return new ContentChange(id, ChangeKind.Unchanged, []);
        }

        var now = clock.UtcNow();
        var before = Snapshot(question);
        question.Status = status;
        question.LastUpdated = now;
        question.Revision++;
        (await CertificationRules.LoadAsync(db, ct)).Follow(db, question, question.Channel, question.SubChannel, created: false);
        AddHistory(db, id, eventType, source, ["status"], before, Snapshot(question), now, $"Status {Vocabulary.ToText(status)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Committed();
        return new ContentChange(id, kind, ["status"]);
    }

    private static JsonObject Snapshot(Question q) => QuestionData.FromEntity(q).ToSnapshot();

    /// <summary>
    /// The mapping of a question to its own channel follows its channel and sub-channel; but once
    /// that channel is a certification's and the mapping was placed in an exam domain, the domain
    /// stays while the question stays in the channel.
    /// </summary>
    private static void SyncOwnChannelMapping(Question q, string oldChannel)
    {
        var own = q.ChannelMappings.FirstOrDefault(m => m.ChannelId == oldChannel)
            ?? q.ChannelMappings.FirstOrDefault(m => m.ChannelId == q.Channel);
        if (own is null)
        {
            q.ChannelMappings.Add(new ChannelMapping { ChannelId = q.Channel, SubChannel = q.SubChannel, QuestionId = q.Id });
            return;
        }

        var duplicate = q.ChannelMappings.FirstOrDefault(m => m != own && m.ChannelId == q.Channel);
        if (duplicate is not null)
        {
            q.ChannelMappings.Remove(duplicate);
        }

        var moved = own.ChannelId != q.Channel;
        own.ChannelId = q.Channel;
        if (moved || own is { DomainConfidence: null, DomainAssignedBy: null })
        {
            (own.SubChannel, own.DomainConfidence, own.DomainAssignedBy) = (q.SubChannel, null, null);
        }
    }

    private static void AddHistory(
        AppDbContext db, string questionId, string eventType, ChangeSource source, List<string> changed,
        JsonObject? before, JsonObject after, DateTime now, string summary) =>
        db.QuestionHistory.Add(new QuestionHistory
        {
            QuestionId = questionId,
            EventType = eventType,
            EventSource = source.EventSource,
            SourceName = source.SourceName,
            ChangesSummary = summary,
            ChangedFields = changed,
            BeforeSnapshot = before,
            AfterSnapshot = after,
            Reason = source.Reason,
            Metadata = source.Metadata?.DeepClone(),
            CreatedAt = now,
        });
}
