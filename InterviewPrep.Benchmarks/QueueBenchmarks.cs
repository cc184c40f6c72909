using System.Diagnostics;
using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Benchmarks;

/// <summary>
/// The bots' work queue on SQLite: items claimed one at a time or in batches, and completed with their
/// ledger entries in one transaction per claim, by one worker and by several. Prints items a second; asserts nothing about time.
/// Run with: dotnet run -c Release --project InterviewPrep.Benchmarks -- queue
/// </summary>
public sealed class QueueBenchmarks
{
    private const int Items = 10_000;

    public async Task ClaimAndComplete_Throughput()
    {
        foreach (var (workers, batch) in new[] { (1, 1), (1, 50), (2, 50), (4, 50) })
        {
            await using var db = await TestDatabase.CreateAsync();
            var queue = new WorkQueue(db.Factory, TimeProvider.System);
            await queue.EnqueueAsync(Enumerable.Range(0, Items).Select(i => new WorkRequest("question", $"q-{i}", "check", Priority: i % 10)), "benchmark");

            var clock = Stopwatch.StartNew();
            var done = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(db.Factory, queue, $"worker-{w}", batch))));
            var seconds = clock.Elapsed.TotalSeconds;

            await using var check = db.CreateContext();
            var verified = await LedgerChain.VerifyAsync(check);
            Console.WriteLine($"{workers} worker(s), claiming {batch} at a time: {done.Sum()} items claimed and completed with their ledger entries in {seconds:0.00} s: " +
                $"{done.Sum() / seconds:N0} items/s; ledger {(verified.Intact ? "intact" : "BROKEN")} with {verified.Entries} entries; " +
                $"completed {await check.WorkQueue.CountAsync(w => w.Status == WorkQueueStatus.Completed)}");
        }
    }

    private static async Task<int> WorkAsync(IDbContextFactory<AppDbContext> factory, WorkQueue queue, string worker, int batch)
    {
        var count = 0;
        while (await queue.ClaimAsync(worker, batch) is { Count: > 0 } items)
        {
            // A batch is applied in one transaction: each item's ledger entry, then its completion.
            await using var db = await factory.CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var item in items)
            {
                await LedgerChain.AppendAsync(db, new BotLedgerEntry
                {
                    BotName = "benchmark", Action = item.Action, ItemType = item.ItemType, ItemId = item.ItemId,
                    AfterState = new JsonObject { ["checked"] = true }, CreatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
            var completed = 0;
            foreach (var item in items)
            {
                completed += await queue.CompleteAsync(db, item.Id, worker, null) ? 1 : 0;
            }

            if (completed == items.Count)
            {
                await tx.CommitAsync();
                count += completed;
            }
        }

        return count;
    }
}
