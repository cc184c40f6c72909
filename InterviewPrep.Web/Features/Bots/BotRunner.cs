using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Bots;

/// <summary>What one run of a bot did: items looked at, created, updated and deleted, and a summary of what it found.</summary>
public sealed record BotOutcome(int Processed, int Created, int Updated, int Deleted, JsonObject Summary);

/// <summary>A bot: a name, what it does, when it runs (a cron expression), and one run.</summary>
public interface IBot
{
    string Name { get; }

    string Description { get; }

    /// <summary>When it runs on its own (cron, UTC), for example <c>0 3 * * *</c>: daily at 03:00.</summary>
    string Schedule { get; }

    Task<BotOutcome> RunAsync(int runId, CancellationToken ct);
}

/// <summary>
/// Runs bots and records each run in the design's <c>botRuns</c>: started, then completed with its counts
/// and summary, or failed with the error. A bot's completed runs, newest first, are access pattern 9.
/// </summary>
public sealed class BotRunner(IEnumerable<IBot> bots, IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<BotRunner> logger)
{
    public IReadOnlyList<IBot> Bots { get; } = [.. bots.OrderBy(b => b.Name, StringComparer.Ordinal)];

    public IBot? Find(string name) => Bots.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs a bot now; the recorded run, or null when there is no such bot.</summary>
    public async Task<BotRun?> RunAsync(string name, CancellationToken ct = default)
    {
        var bot = Find(name);
        if (bot is null)
        {
            return null;
        }

        var run = new BotRun { BotName = bot.Name, StartedAt = clock.GetUtcNow().UtcDateTime, Status = BotRunStatus.Running };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.BotRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }

        try
        {
            var outcome = await bot.RunAsync(run.Id, ct);
            (run.Status, run.ItemsProcessed, run.ItemsCreated, run.ItemsUpdated, run.ItemsDeleted, run.Summary) =
                (BotRunStatus.Completed, outcome.Processed, outcome.Created, outcome.Updated, outcome.Deleted, outcome.Summary);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Bot {Bot} failed in run {Run}", bot.Name, run.Id);
            (run.Status, run.Summary) = (BotRunStatus.Failed, new JsonObject { ["error"] = e.Message });
        }

        run.CompletedAt = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            db.BotRuns.Update(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return run;
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
