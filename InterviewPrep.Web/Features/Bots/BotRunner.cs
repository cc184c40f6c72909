using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>What one run of a bot did: items looked at, created, updated and deleted, and a summary of what it found.</summary>
public sealed record BotOutcome(int Processed, int Created, int Updated, int Deleted, JsonObject Summary);

/// <summary>The run a bot is in: its id in <c>botRuns</c>, and whether its edits are published or proposed.</summary>
public sealed record BotRunContext(int RunId, BotMode Mode);

/// <summary>A bot: a name, what it does, when it runs (a cron expression), how its edits reach the content, and one run.</summary>
public interface IBot
{
    string Name { get; }

    string Description { get; }

    /// <summary>When it runs on its own (cron, UTC), for example <c>0 3 * * *</c>: daily at 03:00.</summary>
    string Schedule { get; }

    /// <summary>Whether it edits content at all: only then does its mode (publish or propose) mean anything.</summary>
    bool EditsContent { get; }

    /// <summary>Whether its edits can wait for review; one that cannot always publishes (each change can still be undone from history).</summary>
    bool CanPropose { get; }

    /// <summary>Its mode until an admin chooses one.</summary>
    BotMode DefaultMode { get; }

    Task<BotOutcome> RunAsync(BotRunContext run, CancellationToken ct);
}

/// <summary>
/// Runs bots and records each run in the design's <c>botRuns</c>: started, then completed with its counts
/// and summary, or failed with the error. One bot runs once at a time in this process; a second request
/// waits for the first. A bot's completed runs, newest first, are access pattern 9.
/// </summary>
public sealed class BotRunner(
    IEnumerable<IBot> bots, IDbContextFactory<AppDbContext> dbFactory, BotSettings settings, WorkQueue queue, TimeProvider clock, ILogger<BotRunner> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new(StringComparer.Ordinal);

    public IReadOnlyList<IBot> Bots { get; } = [.. bots.OrderBy(b => b.Name, StringComparer.Ordinal)];

    /// <summary>The worker name a run claims work items under: its items can be given back when the run is found dead.</summary>
    public static string WorkerOf(string bot, int runId) => $"{bot}#{runId}";

    public IBot? Find(string name) => Bots.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a run of the bot is under way in this process.</summary>
    public bool IsRunning(string name) => _running.TryGetValue(name, out var gate) && gate.CurrentCount == 0;

    /// <summary>
    /// Runs a bot now; the recorded run, or null when there is no such bot. When another process is running
    /// the bot, that run is returned as it is (still <see cref="BotRunStatus.Running"/>) and this one does not start.
    /// </summary>
    public async Task<BotRun?> RunAsync(string name, CancellationToken ct = default)
    {
        var bot = Find(name);
        if (bot is null)
        {
            return null;
        }

        var gate = _running.GetOrAdd(bot.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await RunOnceAsync(bot, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<BotRun> RunOnceAsync(IBot bot, CancellationToken ct)
    {
        var mode = bot.CanPropose ? (await settings.OfAsync(bot, ct)).Mode : BotMode.Publish;
        // Which process runs it, so that another can tell a live run from one whose process died.
        var run = new BotRun
        {
            BotName = bot.Name, StartedAt = clock.GetUtcNow().UtcDateTime, Status = BotRunStatus.Running,
            Summary = new JsonObject { ["host"] = Environment.MachineName, ["pid"] = Environment.ProcessId },
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // One run of a bot at a time across every process on the database (several app instances, the
            // command line): a run under way in a live process wins; one whose process died is closed first.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.LockKeyAsync($"bot-run:{bot.Name}", ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var other in await db.BotRuns.Where(r => r.BotName == bot.Name && r.Status == BotRunStatus.Running).ToListAsync(ct))
            {
                if (!IsDead(other, now))
                {
                    return other;
                }

                (other.Status, other.CompletedAt, other.Summary) =
                    (BotRunStatus.Failed, now, new JsonObject { ["error"] = "interrupted: the process stopped during the run" });
                await queue.ReleaseAsync(WorkerOf(other.BotName, other.Id), ct);
            }

            db.BotRuns.Add(run);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        try
        {
            var outcome = await bot.RunAsync(new BotRunContext(run.Id, mode), ct);
            outcome.Summary["mode"] = Vocabulary.ToText(mode);
            (run.Status, run.ItemsProcessed, run.ItemsCreated, run.ItemsUpdated, run.ItemsDeleted, run.Summary) =
                (BotRunStatus.Completed, outcome.Processed, outcome.Created, outcome.Updated, outcome.Deleted, outcome.Summary);
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException)
            {
                logger.LogError(e, "Bot {Bot} failed in run {Run}", bot.Name, run.Id);
            }

            (run.Status, run.Summary) = (BotRunStatus.Failed,
                new JsonObject { ["error"] = e is OperationCanceledException ? "stopped before it finished (the app was shutting down)" : e.Message });
        }

        run.CompletedAt = clock.GetUtcNow().UtcDateTime;
        BotMetrics.Record(bot.Name, run.Status, run.CompletedAt.Value - run.StartedAt);
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            db.BotRuns.Update(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return run;
    }

    /// <summary>
    /// Marks the runs left "running" by a process that died (a crash, a kill) as failed, so that their bots'
    /// figures are right, and gives their work items back to the queue at once instead of when their leases
    /// expire. A run of a live process on this machine is left alone; a run from another machine is taken
    /// for dead once it has gone on for <see cref="ForeignRunLimit"/>. Giving items back early is safe
    /// either way: a worker can only complete an item it still holds.
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var running = await db.BotRuns.Where(r => r.Status == BotRunStatus.Running).ToListAsync(ct);
        var dead = running.Where(r => IsDead(r, now)).ToList();
        foreach (var run in dead)
        {
            (run.Status, run.CompletedAt, run.Summary) =
                (BotRunStatus.Failed, now, new JsonObject { ["error"] = "interrupted: the process stopped during the run" });
            await queue.ReleaseAsync(WorkerOf(run.BotName, run.Id), ct);
        }

        await db.SaveChangesAsync(ct);
        return dead.Count;
    }

    /// <summary>How long a run that another machine started may go on before it is taken for dead.</summary>
    public static readonly TimeSpan ForeignRunLimit = TimeSpan.FromHours(6);

    private static bool IsDead(BotRun run, DateTime now)
    {
        if (run.Summary?["host"]?.GetValue<string>() is not { } host || run.Summary["pid"]?.GetValue<int>() is not { } pid)
        {
            return true;
        }

        if (host != Environment.MachineName)
        {
            return now - run.StartedAt > ForeignRunLimit;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            // A process id can be reused: one that started after the run is another process.
            return process.HasExited || process.StartTime.ToUniversalTime() > run.StartedAt.AddSeconds(1);
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>A bot's completed runs, newest first (access pattern 9).</summary>
    public async Task<IReadOnlyList<BotRun>> CompletedRunsAsync(string name, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BotRuns.AsNoTracking()
            .Where(r => r.BotName == name && r.Status == BotRunStatus.Completed)
            .OrderByDescending(r => r.StartedAt)
            .Take(take)
            .ToListAsync(ct);
    }
}
