using System.Text.Json.Nodes;
using InterviewPrep.Data;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Bots;
using InterviewPrep.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Admin;

/// <summary>One day of a bot's runs: how many completed and failed, and how long they took on average.</summary>
public sealed record BotDay(DateOnly Day, int Completed, int Failed, double AverageSeconds);

/// <summary>A bot as the admin page lists it: what it is, how it is set, and how its last 30 days went.</summary>
public sealed record BotRow(
    string Name, string Description, string Schedule, DateTime? NextRun, bool EditsContent, bool CanPropose, BotChoice Choice, bool Running,
    BotRun? LastRun, int Runs, int Failed, TimeSpan? AverageDuration, IReadOnlyList<BotDay> Days)
{
    /// <summary>Completed runs as a share of all runs in the 30 days; null without runs.</summary>
    public double? SuccessRate => Runs == 0 ? null : (double)(Runs - Failed) / Runs;
}

/// <summary>A ledger entry with the fields its action changed.</summary>
public sealed record LedgerRow(BotLedgerEntry Entry, IReadOnlyList<FieldComparison> Changes);

/// <summary>A proposal waiting for review, with its question's text and the fields it changes.</summary>
public sealed record ProposalRow(BotProposal Proposal, string? QuestionText, IReadOnlyList<FieldComparison> Changes);

/// <summary>Work items by status, and what is waiting by action.</summary>
public sealed record QueueSummary(IReadOnlyDictionary<WorkQueueStatus, int> ByStatus, IReadOnlyList<(string Action, int Waiting)> WaitingByAction);

/// <summary>
/// The bots' admin pages: the bots with their schedules, modes and figures; a bot's completed runs (access
/// pattern 9) and recent ledger (access pattern 7); the work queue by priority (access pattern 8) with retry
/// and cancel; and the review queue of proposed edits.
/// </summary>
public sealed class AdminBots(
    IDbContextFactory<AppDbContext> dbFactory, BotRunner runner, BotSettings settings, BotEdits edits, WorkQueue queue,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<AdminBots> logger)
{
    public const int Window = 30;
    public const int PageSize = 50;

    public IReadOnlyList<IBot> Bots => runner.Bots;

    public IBot? Find(string name) => runner.Find(name);

    public async Task<IReadOnlyList<BotRow>> OverviewAsync(LearnerCalendar calendar, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-Window);
        var choices = await settings.AllAsync(runner.Bots, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.BotRuns.AsNoTracking().Where(r => r.StartedAt >= since).ToListAsync(ct);
        var rows = new List<BotRow>();
        foreach (var bot in runner.Bots)
        {
            var mine = runs.Where(r => r.BotName == bot.Name).ToList();
            var last = await db.BotRuns.AsNoTracking().Where(r => r.BotName == bot.Name).OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
            var finished = mine.Where(r => r.Status != BotRunStatus.Running && r.CompletedAt is not null).ToList();
            var days = Enumerable.Range(0, Window).Select(i => calendar.DateOf(now).AddDays(i - Window + 1)).Select(day =>
            {
                var that = finished.Where(r => calendar.DateOf(r.StartedAt) == day).ToList();
                return new BotDay(day, that.Count(r => r.Status == BotRunStatus.Completed), that.Count(r => r.Status == BotRunStatus.Failed),
                    that.Count == 0 ? 0 : that.Average(r => (r.CompletedAt!.Value - r.StartedAt).TotalSeconds));
            }).ToList();
            rows.Add(new BotRow(
                bot.Name, bot.Description, bot.Schedule, choices[bot.Name].Paused ? null : BotScheduler.NextRun(bot.Schedule, now), bot.EditsContent, bot.CanPropose,
                choices[bot.Name], runner.IsRunning(bot.Name), last, finished.Count, finished.Count(r => r.Status == BotRunStatus.Failed),
                finished.Count == 0 ? null : TimeSpan.FromSeconds(finished.Average(r => (r.CompletedAt!.Value - r.StartedAt).TotalSeconds)), days));
        }

        return rows;
    }

    /// <summary>Starts a run in the background (it can take minutes); false when the bot is running already.</summary>
    public bool StartRun(string name, string admin)
    {
        if (runner.Find(name) is not { } bot || runner.IsRunning(bot.Name))
        {
            return false;
        }

        logger.LogInformation("{Admin} started a run of bot {Bot}", admin, bot.Name);
        _ = Task.Run(async () =>
        {
            try
            {
                await runner.RunAsync(bot.Name, lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The run of {Bot} started by {Admin} failed", bot.Name, admin);
            }
        });
        return true;
    }

    public async Task SetAsync(string name, BotMode mode, bool paused, string admin, CancellationToken ct = default)
    {
        var bot = runner.Find(name) ?? throw new KeyNotFoundException($"There is no bot '{name}'.");
        await settings.SetAsync(bot, mode, paused, admin, ct);
    }

    /// <summary>A bot's completed runs, newest first (access pattern 9).</summary>
    public Task<IReadOnlyList<BotRun>> CompletedRunsAsync(string name, CancellationToken ct = default) => runner.CompletedRunsAsync(name, 20, ct);

    /// <summary>A bot's recent failed runs, newest first, with their errors.</summary>
    public async Task<IReadOnlyList<BotRun>> FailedRunsAsync(string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BotRuns.AsNoTracking()
            .Where(r => r.BotName == name && r.Status == BotRunStatus.Failed)
            .OrderByDescending(r => r.StartedAt)
            .Take(5)
            .ToListAsync(ct);
    }

    /// <summary>A bot's newest ledger entries (access pattern 7) with what each changed.</summary>
    public async Task<IReadOnlyList<LedgerRow>> LedgerAsync(string name, int take = PageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.BotLedger.AsNoTracking()
            .Where(e => e.BotName == name)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(take)
            .ToListAsync(ct);
        return entries.Select(e => new LedgerRow(e, VersionDiff.Compare(e.BeforeState as JsonObject, e.AfterState as JsonObject).Where(f => f.Changed).ToList()))
            .ToList();
    }

    public async Task<QueueSummary> QueueSummaryAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byStatus = await db.WorkQueue.AsNoTracking().GroupBy(w => w.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var waiting = new[] { WorkQueueStatus.Pending, WorkQueueStatus.Retrying };
        var byAction = await db.WorkQueue.AsNoTracking().Where(w => waiting.Contains(w.Status)).GroupBy(w => w.Action)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new QueueSummary(
            byStatus.ToDictionary(s => s.Key, s => s.Count),
            byAction.OrderByDescending(a => a.Count).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.Count)).ToList());
    }

    /// <summary>
    /// One page of work items of a status: pending ones in the order they will be claimed (priority, then age:
    /// access pattern 8), the others newest first; optionally of one action.
    /// </summary>
    public async Task<(IReadOnlyList<WorkQueueItem> Items, int Total)> QueueAsync(WorkQueueStatus status, string? action, int page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.WorkQueue.AsNoTracking().Where(w => w.Status == status);
        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(w => w.Action == action);
        }

        var ordered = status == WorkQueueStatus.Pending
            ? query.OrderBy(w => w.Priority).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id)
            : query.OrderByDescending(w => w.Id);
        var total = await query.CountAsync(ct);
        var items = await ordered.Skip(Math.Max(0, page) * PageSize).Take(PageSize).ToListAsync(ct);
        return (items, total);
    }

    public Task<bool> RetryAsync(int itemId, CancellationToken ct = default) => queue.RetryAsync(itemId, ct);

    public Task<bool> CancelAsync(int itemId, CancellationToken ct = default) => queue.CancelAsync(itemId, ct);

    public async Task<int> PendingProposalsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BotProposals.CountAsync(p => p.Status == ProposalStatus.Pending, ct);
    }

    /// <summary>One page of proposals of a status, oldest first for those waiting (the review queue), newest first for the rest.</summary>
    public async Task<(IReadOnlyList<ProposalRow> Rows, int Total)> ProposalsAsync(ProposalStatus status, int page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.BotProposals.AsNoTracking().Where(p => p.Status == status);
        var ordered = status == ProposalStatus.Pending ? query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id) : query.OrderByDescending(p => p.Id);
        var total = await query.CountAsync(ct);
        var proposals = await ordered.Skip(Math.Max(0, page) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = proposals.Select(p => p.ItemId).Distinct().ToList();
        var texts = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.Text })
            .ToDictionaryAsync(q => q.Id, q => q.Text, StringComparer.Ordinal, ct);
        return (proposals.Select(p => new ProposalRow(p, texts.GetValueOrDefault(p.ItemId), VersionDiff.Compare(p.Before, p.After))).ToList(), total);
    }

    public Task<ReviewOutcome> ApproveAsync(int proposalId, string admin, CancellationToken ct = default) => edits.ApproveAsync(proposalId, admin, ct);

    public Task<ReviewOutcome> RejectAsync(int proposalId, string admin, string why, CancellationToken ct = default) =>
        edits.RejectAsync(proposalId, admin, why, ct);
}
