using System.Text.Json.Nodes;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Bots;

/// <summary>What a bot asks to be done: an action on an item, with its priority (lower first) and why.</summary>
public sealed record WorkRequest(string ItemType, string ItemId, string Action, int Priority = 5, string? Reason = null, int MaxAttempts = 5);

/// <summary>What the sweep did: expired leases given back, and retries that fell due.</summary>
public sealed record SweepResult(int LeasesRecovered, int RetriesDue);

/// <summary>
/// The design's <c>workQueue</c> as a queue with leases. A worker claims the first pending item by
/// priority, then age, in one statement that walks the pending-by-priority index
/// (<c>idx_work_queue_status_priority_created</c>: access pattern 8) and marks it processing with a
/// lease; it completes the item in the transaction that applies its effect, which only succeeds while
/// the worker still holds it, or fails it: the item is tried again after an exponential back-off, and
/// fails for good (a dead letter) after its last attempt. Expired leases and due retries are put back
/// to pending by a separate <see cref="SweepAsync"/>, never by an OR inside the claim (that would cost
/// the claim its index order). So an item is never lost when a worker dies, and never applied twice.
/// </summary>
public sealed class WorkQueue(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How long a claim holds an item unless the worker says otherwise.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);

    private static readonly string Pending = Vocabulary.ToText(WorkQueueStatus.Pending);
    private static readonly string Processing = Vocabulary.ToText(WorkQueueStatus.Processing);

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: 30 s, doubling, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>How many items wait for a bot: pending, or failed and waiting to be tried again.</summary>
    public async Task<long> PendingCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkQueue.LongCountAsync(w => w.Status == WorkQueueStatus.Pending || w.Status == WorkQueueStatus.Retrying, ct);
    }

    /// <summary>
    /// Adds work; a request for an action on an item that is already waiting or being processed is
    /// left out. Returns how many were added.
    /// </summary>
    public async Task<int> EnqueueAsync(IEnumerable<WorkRequest> requests, string createdBy, CancellationToken ct = default)
    {
        var list = requests.DistinctBy(r => (r.ItemType, r.ItemId, r.Action)).ToList();
        if (list.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = await AddAsync(db, list, createdBy, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Adds the requests not already waiting to <paramref name="db"/>, inside the caller's transaction; how many.</summary>
    private async Task<int> AddAsync(AppDbContext db, IReadOnlyList<WorkRequest> list, string createdBy, CancellationToken ct)
    {
        await db.Database.LockKeyAsync("workQueue-enqueue", ct);
        var open = new[] { WorkQueueStatus.Pending, WorkQueueStatus.Processing, WorkQueueStatus.Retrying };
        var itemIds = list.Select(r => r.ItemId).Distinct().ToList();
        var waiting = (await db.WorkQueue.AsNoTracking()
                .Where(w => open.Contains(w.Status) && itemIds.Contains(w.ItemId))
                .Select(w => new { w.ItemType, w.ItemId, w.Action })
                .ToListAsync(ct))
            .Select(w => (w.ItemType, w.ItemId, w.Action))
            .ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = list.Where(r => !waiting.Contains((r.ItemType, r.ItemId, r.Action))).Select(r => new WorkQueueItem
        {
            ItemType = r.ItemType, ItemId = r.ItemId, Action = r.Action, Priority = r.Priority, Reason = r.Reason,
            MaxAttempts = Math.Max(1, r.MaxAttempts), CreatedBy = createdBy, CreatedAt = now,
        }).ToList();
        db.WorkQueue.AddRange(added);
        return added.Count;
    }

    /// <summary>Claims the first pending item (by priority, then age) for <paramref name="worker"/>; null when none is pending.</summary>
    public async Task<WorkQueueItem?> ClaimAsync(string worker, TimeSpan? lease = null, CancellationToken ct = default) =>
        (await ClaimAsync(worker, 1, lease, ct)).SingleOrDefault();

    /// <summary>Claims up to <paramref name="count"/> pending items, in order, for <paramref name="worker"/>: a bot takes a batch at a time.</summary>
    public Task<IReadOnlyList<WorkQueueItem>> ClaimAsync(string worker, int count, TimeSpan? lease = null, CancellationToken ct = default) =>
        ClaimAsync(worker, count, action: null, lease, ct);

    /// <summary>
    /// Claims up to <paramref name="count"/> pending items of one <paramref name="action"/> (a bot's own
    /// work), in order, on the pending-by-action index; null <paramref name="action"/> claims any.
    /// </summary>
    public async Task<IReadOnlyList<WorkQueueItem>> ClaimAsync(string worker, int count, string? action, TimeSpan? lease = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = db.Database.TimeValue(now + (lease ?? DefaultLease));
        count = Math.Clamp(count, 1, 1000);
        // One statement: the pick and the mark cannot be split by another worker. PostgreSQL's workers skip
        // rows another is taking; SQLite runs one writer at a time.
        var ids = (db.Database.IsNpgsql(), action) switch
        {
            (true, null) => await db.Database.SqlQuery<int>($"""
                UPDATE workQueue SET status = {Processing}, assignedTo = {worker}, leaseUntil = {until}, attempts = attempts + 1
                WHERE id IN (SELECT id FROM workQueue WHERE status = {Pending} ORDER BY priority, createdAt LIMIT {count} FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(ct),
            (true, _) => await db.Database.SqlQuery<int>($"""
                UPDATE workQueue SET status = {Processing}, assignedTo = {worker}, leaseUntil = {until}, attempts = attempts + 1
                WHERE id IN (SELECT id FROM workQueue WHERE status = {Pending} AND action = {action} ORDER BY priority, createdAt LIMIT {count} FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(ct),
            (false, null) => await db.Database.SqlQuery<int>($"""
                UPDATE workQueue SET status = {Processing}, assignedTo = {worker}, leaseUntil = {until}, attempts = attempts + 1
                WHERE id IN (SELECT id FROM workQueue WHERE status = {Pending} ORDER BY priority, createdAt LIMIT {count})
                RETURNING id AS "Value"
                """).ToListAsync(ct),
            (false, _) => await db.Database.SqlQuery<int>($"""
                UPDATE workQueue SET status = {Processing}, assignedTo = {worker}, leaseUntil = {until}, attempts = attempts + 1
                WHERE id IN (SELECT id FROM workQueue WHERE status = {Pending} AND action = {action} ORDER BY priority, createdAt LIMIT {count})
                RETURNING id AS "Value"
                """).ToListAsync(ct),
        };
        if (ids.Count == 0)
        {
            return [];
        }

        var items = await db.WorkQueue.AsNoTracking().Where(w => ids.Contains(w.Id)).ToListAsync(ct);
        return items.OrderBy(w => w.Priority).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id).ToList();
    }

    /// <summary>
    /// Completes an item inside <paramref name="db"/>'s transaction, the one that applies its effect: true
    /// while <paramref name="worker"/> still holds it; false when its lease was lost (swept, claimed by
    /// another), and then the caller must roll back so the effect is not applied twice.
    /// </summary>
    public async Task<bool> CompleteAsync(AppDbContext db, int itemId, string worker, JsonNode? result, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var completed = await db.WorkQueue
            .Where(w => w.Id == itemId && w.AssignedTo == worker && w.Status == WorkQueueStatus.Processing)
            .ExecuteUpdateAsync(u => u
                .SetProperty(w => w.Status, WorkQueueStatus.Completed)
                .SetProperty(w => w.ProcessedAt, now)
                .SetProperty(w => w.LeaseUntil, (DateTime?)null)
                .SetProperty(w => w.Result, result), ct);
        return completed == 1;
    }

    /// <summary>
    /// Completes an item whose work has no effect of its own beyond <paramref name="followUps"/>: work it
    /// hands on (a question a bot could not fix, queued for a person), added in the same transaction.
    /// False when <paramref name="worker"/> no longer held it, and then nothing is added.
    /// </summary>
    public async Task<bool> CompleteAsync(
        int itemId, string worker, JsonNode? result, IReadOnlyList<WorkRequest>? followUps = null, string? createdBy = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await CompleteAsync(db, itemId, worker, result, ct))
        {
            return false;
        }

        if (followUps is { Count: > 0 })
        {
            await AddAsync(db, followUps, createdBy ?? worker, ct);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Records a failed attempt: the item waits for its back-off and is tried again, or after its last
    /// attempt fails for good. False when the worker no longer held it.
    /// </summary>
    public async Task<bool> FailAsync(int itemId, string worker, string error, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.WorkQueue.SingleOrDefaultAsync(w => w.Id == itemId && w.AssignedTo == worker && w.Status == WorkQueueStatus.Processing, ct);
        if (item is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        item.LastError = error.Length > 2000 ? error[..2000] : error;
        item.LeaseUntil = null;
        if (item.Attempts >= item.MaxAttempts)
        {
            item.Status = WorkQueueStatus.Failed;
            item.ProcessedAt = now;
            item.Result = new JsonObject { ["error"] = item.LastError, ["attempts"] = item.Attempts };
        }
        else
        {
            item.Status = WorkQueueStatus.Retrying;
            item.NextAttemptAt = now + Backoff(item.Attempts);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Gives back the items whose lease expired (their worker died or stalled) and the retries that fell due.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var recovered = await db.WorkQueue
            .Where(w => w.Status == WorkQueueStatus.Processing && w.LeaseUntil < now)
            .ExecuteUpdateAsync(u => u
                .SetProperty(w => w.Status, WorkQueueStatus.Pending)
                .SetProperty(w => w.AssignedTo, (string?)null)
                .SetProperty(w => w.LeaseUntil, (DateTime?)null), ct);
        var due = await db.WorkQueue
            .Where(w => w.Status == WorkQueueStatus.Retrying && w.NextAttemptAt <= now)
            .ExecuteUpdateAsync(u => u
                .SetProperty(w => w.Status, WorkQueueStatus.Pending)
                .SetProperty(w => w.AssignedTo, (string?)null)
                .SetProperty(w => w.NextAttemptAt, (DateTime?)null), ct);
        return new SweepResult(recovered, due);
    }

    /// <summary>Gives back at once every item <paramref name="worker"/> holds: its process is known to be dead.</summary>
    public async Task<int> ReleaseAsync(string worker, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkQueue
            .Where(w => w.Status == WorkQueueStatus.Processing && w.AssignedTo == worker)
            .ExecuteUpdateAsync(u => u
                .SetProperty(w => w.Status, WorkQueueStatus.Pending)
                .SetProperty(w => w.AssignedTo, (string?)null)
                .SetProperty(w => w.LeaseUntil, (DateTime?)null), ct);
    }

    /// <summary>An admin's retry of a dead letter or a cancelled item: pending again, with its attempts counted afresh.</summary>
    public async Task<bool> RetryAsync(int itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkQueue
            .Where(w => w.Id == itemId && (w.Status == WorkQueueStatus.Failed || w.Status == WorkQueueStatus.Cancelled))
            .ExecuteUpdateAsync(u => u
                .SetProperty(w => w.Status, WorkQueueStatus.Pending)
                .SetProperty(w => w.Attempts, 0)
                .SetProperty(w => w.AssignedTo, (string?)null)
                .SetProperty(w => w.ProcessedAt, (DateTime?)null), ct) == 1;
    }

    /// <summary>An admin's cancel of an item not being processed.</summary>
    public async Task<bool> CancelAsync(int itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WorkQueue
            .Where(w => w.Id == itemId && (w.Status == WorkQueueStatus.Pending || w.Status == WorkQueueStatus.Retrying))
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.Status, WorkQueueStatus.Cancelled).SetProperty(w => w.ProcessedAt, now), ct) == 1;
    }
}
