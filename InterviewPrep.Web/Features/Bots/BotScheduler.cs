using Cronos;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Bots;

public sealed class BotSchedulerOptions
{
    public const string Section = "Bots:Scheduler";

    /// <summary>Whether bots run on their schedules in this process (the command line and the admin page run them either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due bots and sweeps the queue.</summary>
    public int TickSeconds { get; set; } = 30;
}

/// <summary>
/// Runs each bot that is not paused when its cron schedule (UTC) comes due, one bot at a time, and sweeps
/// the work queue (expired leases, due retries) on every tick. A run missed while the app was down is made
/// up once at start-up. Runs left "running" by a process that died are marked failed first.
/// </summary>
public sealed class BotScheduler(
    BotRunner runner, BotSettings settings, WorkQueue queue, IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock,
    IOptions<BotSchedulerOptions> options, ILogger<BotScheduler> logger) : BackgroundService
{
    /// <summary>The first time after <paramref name="after"/> that <paramref name="schedule"/> falls due; null when it never does.</summary>
    public static DateTime? NextRun(string schedule, DateTime after) =>
        CronExpression.Parse(schedule).GetNextOccurrence(DateTime.SpecifyKind(after, DateTimeKind.Utc), TimeZoneInfo.Utc);

    /// <summary>The next scheduled run of each bot, for the admin page; null for a paused bot.</summary>
    public async Task<IReadOnlyDictionary<string, DateTime?>> NextRunsAsync(CancellationToken ct = default)
    {
        var choices = await settings.AllAsync(runner.Bots, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return runner.Bots.ToDictionary(b => b.Name, b => choices[b.Name].Paused ? null : NextRun(b.Schedule, now), StringComparer.Ordinal);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var since = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (await runner.RecoverInterruptedAsync(stoppingToken) is var recovered and > 0)
            {
                logger.LogWarning("{Count} bot runs were interrupted when the app last stopped; they are marked failed", recovered);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not mark interrupted bot runs");
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds)), clock);
        do
        {
            try
            {
                await TickAsync(since, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The bot scheduler's tick failed; it tries again on the next");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Sweeps the queue and runs the bots that are due: whose schedule fell due after their last run began
    /// (or, for a bot that never ran, after <paramref name="since"/>). Returns the names of the bots it ran.
    /// </summary>
    public async Task<IReadOnlyList<string>> TickAsync(DateTime since, CancellationToken ct = default)
    {
        await queue.SweepAsync(ct);
        var choices = await settings.AllAsync(runner.Bots, ct);
        Dictionary<string, DateTime> lastStarts;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            lastStarts = await db.BotRuns.AsNoTracking().GroupBy(r => r.BotName)
                .Select(g => new { g.Key, Last = g.Max(r => r.StartedAt) })
                .ToDictionaryAsync(g => g.Key, g => g.Last, StringComparer.Ordinal, ct);
        }

        var ran = new List<string>();
        foreach (var bot in runner.Bots)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var from = lastStarts.TryGetValue(bot.Name, out var last) ? last : since;
            if (choices[bot.Name].Paused || runner.IsRunning(bot.Name) || NextRun(bot.Schedule, from) is not { } due || due > now)
            {
                continue;
            }

            logger.LogInformation("Running bot {Bot} on its schedule ({Schedule})", bot.Name, bot.Schedule);
            var run = await runner.RunAsync(bot.Name, ct);
            ran.Add(bot.Name);
            if (run?.Status == Data.Entities.BotRunStatus.Failed)
            {
                logger.LogWarning("Scheduled run {Run} of {Bot} failed: {Error}", run.Id, bot.Name, run.Summary?["error"]);
            }
        }

        return ran;
    }
}
