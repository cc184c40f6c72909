using System.Text.Json.Nodes;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Bots;

/// <summary>The work queue on the real database: claims in order and only once, leases, back-off, dead letters, and completing with the effect.</summary>
public sealed class WorkQueueTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private WorkQueue _queue = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        _queue = new WorkQueue(_db.Factory, _clock);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Items_AreClaimedByPriorityThenAge_EachOnce_AndAWaitingRequestIsNotQueuedTwice()
    {
        await _queue.EnqueueAsync([new WorkRequest("question", "q-2", "repair-diagram", Priority: 5)], "test");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await _queue.EnqueueAsync(
            [new WorkRequest("question", "q-1", "repair-diagram", Priority: 1), new WorkRequest("question", "q-3", "repair-diagram", Priority: 5),
             new WorkRequest("question", "q-2", "repair-diagram", Priority: 1)], "test"));

        var order = new List<string>();
        while (await _queue.ClaimAsync("worker-a") is { } item)
        {
            order.Add(item.ItemId);
            Assert.Equal((WorkQueueStatus.Processing, "worker-a", 1), (item.Status, item.AssignedTo, item.Attempts));
        }

        Assert.Equal(["q-1", "q-2", "q-3"], order);
    }

    [Fact]
    public async Task ABatch_IsTheFirstPendingItemsInOrder()
    {
        await _queue.EnqueueAsync(Enumerable.Range(0, 10).Select(i => new WorkRequest("question", $"q-{i}", "check", Priority: 10 - i)), "test");

        var batch = await _queue.ClaimAsync("worker-a", 3);
        var next = await _queue.ClaimAsync("worker-b", 3);

        Assert.Equal(["q-9", "q-8", "q-7"], batch.Select(i => i.ItemId));
        Assert.Equal(["q-6", "q-5", "q-4"], next.Select(i => i.ItemId));
        Assert.All(batch, i => Assert.Equal("worker-a", i.AssignedTo));
    }

    [Fact]
    public async Task WorkersClaimingAtOnce_NeverGetTheSameItem()
    {
        await _queue.EnqueueAsync(Enumerable.Range(0, 200).Select(i => new WorkRequest("question", $"q-{i}", "check")), "test");

        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var mine = new List<int>();
            while (await _queue.ClaimAsync($"worker-{w}", w % 2 == 0 ? 1 : 7) is { Count: > 0 } items)
            {
                mine.AddRange(items.Select(i => i.Id));
            }

            return mine;
        })));

        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
    }

    [Fact]
    public async Task AnExpiredLease_IsGivenBackBySweeping_AndTheOldWorkerCanNoLongerCompleteIt()
    {
        await _queue.EnqueueAsync([new WorkRequest("question", "q-1", "check")], "test");
        var first = await _queue.ClaimAsync("worker-a", TimeSpan.FromMinutes(1));
        Assert.Equal(new SweepResult(0, 0), await _queue.SweepAsync());

        _clock.Advance(TimeSpan.FromMinutes(2)); // worker-a died
        Assert.Equal(new SweepResult(1, 0), await _queue.SweepAsync());
        var again = await _queue.ClaimAsync("worker-b");

        Assert.Equal(first!.Id, again!.Id);
        Assert.Equal(2, again.Attempts);
        await using var db = _db.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        Assert.False(await _queue.CompleteAsync(db, first.Id, "worker-a", null, TestContext.Current.CancellationToken));
        Assert.True(await _queue.CompleteAsync(db, first.Id, "worker-b", new JsonObject { ["fixed"] = true }, TestContext.Current.CancellationToken));
        await tx.CommitAsync(TestContext.Current.CancellationToken);
        var done = await db.WorkQueue.AsNoTracking().SingleAsync(w => w.Id == first.Id, TestContext.Current.CancellationToken);
        Assert.Equal(WorkQueueStatus.Completed, done.Status);
        Assert.Equal("{\"fixed\":true}", done.Result!.ToJsonString());
    }

    [Fact]
    public async Task AFailure_WaitsItsBackoff_ThenTheLastOneIsADeadLetter_WhichAnAdminCanRetry()
    {
        await _queue.EnqueueAsync([new WorkRequest("question", "q-1", "check", MaxAttempts: 2)], "test");
        var item = await _queue.ClaimAsync("worker-a");
        Assert.True(await _queue.FailAsync(item!.Id, "worker-a", "the diagram does not parse"));

        Assert.Null(await _queue.ClaimAsync("worker-a")); // waiting for its back-off
        _clock.Advance(WorkQueue.Backoff(1));
        Assert.Equal(new SweepResult(0, 1), await _queue.SweepAsync());
        item = await _queue.ClaimAsync("worker-a");
        Assert.True(await _queue.FailAsync(item!.Id, "worker-a", "still broken"));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new SweepResult(0, 0), await _queue.SweepAsync());

        await using (var db = _db.CreateContext())
        {
            var dead = await db.WorkQueue.AsNoTracking().SingleAsync(w => w.Id == item.Id, TestContext.Current.CancellationToken);
            Assert.Equal((WorkQueueStatus.Failed, 2, "still broken"), (dead.Status, dead.Attempts, dead.LastError));
        }

        Assert.True(await _queue.RetryAsync(item.Id));
        Assert.Equal(item.Id, (await _queue.ClaimAsync("worker-b"))!.Id);
        Assert.Equal(TimeSpan.FromSeconds(30), WorkQueue.Backoff(1));
        Assert.Equal(TimeSpan.FromHours(1), WorkQueue.Backoff(20));
    }

    [Fact]
    public async Task ACancelledItem_IsNotClaimed()
    {
        await _queue.EnqueueAsync([new WorkRequest("question", "q-1", "check")], "test");
        await using (var db = _db.CreateContext())
        {
            var id = await db.WorkQueue.Select(w => w.Id).SingleAsync(TestContext.Current.CancellationToken);
            Assert.True(await _queue.CancelAsync(id));
        }

        Assert.Null(await _queue.ClaimAsync("worker-a"));
    }

    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // SQLite's plan; PostgreSQL's planner chooses by statistics
    public void TheClaim_WalksThePendingByPriorityIndex_WithoutASort()
    {
        using var connection = _db.OpenConnection();
        var plan = QueryPlans.Plan(connection, "SELECT id FROM workQueue WHERE status = 'pending' ORDER BY priority, createdAt LIMIT 1");

        Assert.Contains(plan, line => line.Contains("idx_work_queue_status_priority_created", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // SQLite's plan; PostgreSQL's planner chooses by statistics
    public void ABotsClaim_WalksThePendingByActionIndex_WithoutASort()
    {
        using var connection = _db.OpenConnection();
        var plan = QueryPlans.Plan(connection,
            "SELECT id FROM workQueue WHERE status = 'pending' AND action = 'repair-diagram' ORDER BY priority, createdAt LIMIT 50");

        Assert.Contains(plan, line => line.Contains("idx_work_queue_status_action_priority_created", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABotClaimsOnlyItsOwnAction_InOrder()
    {
        await _queue.EnqueueAsync(
            [new WorkRequest("question", "q-1", "write-tldr", Priority: 1), new WorkRequest("question", "q-2", "repair-diagram", Priority: 4),
             new WorkRequest("question", "q-3", "repair-diagram", Priority: 2)], "test");

        var mine = await _queue.ClaimAsync("repair", 10, "repair-diagram", ct: TestContext.Current.CancellationToken);

        Assert.Equal(["q-3", "q-2"], mine.Select(i => i.ItemId));
        Assert.Equal("q-1", (await _queue.ClaimAsync("any"))!.ItemId);
    }
}
