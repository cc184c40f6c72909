using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>Configuration section <c>Learners</c>.</summary>
public sealed class LearnerOptions
{
    public const string Section = "Learners";

    /// <summary>Anonymous progress unused for this many days is deleted.</summary>
    public int AnonymousRetentionDays { get; set; } = 90;
}

/// <summary>Deletes the progress of anonymous learners who have not come back within the retention period.</summary>
public sealed class AnonymousPurge(IDbContextFactory<AppDbContext> dbFactory, IOptions<LearnerOptions> options, TimeProvider clock)
{
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = UtcIso.Truncate(clock.GetUtcNow().UtcDateTime).AddDays(-options.Value.AnonymousRetentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        const string anon = AnonymousLearner.Prefix + "%";
        var lastUse = (await db.LearnerQuestionStates.Where(s => EF.Functions.Like(s.LearnerId, anon)).Select(s => new { Id = s.LearnerId, At = s.LastSeenAt }).ToListAsync(ct))
            .Concat(await db.ReviewCards.Where(c => EF.Functions.Like(c.LearnerId, anon)).Select(c => new { Id = c.LearnerId, At = (DateTime?)(c.LastReview ?? c.CreatedAt) }).ToListAsync(ct))
            .Concat(await db.UserSessions.Where(s => EF.Functions.Like(s.UserId!, anon)).Select(s => new { Id = s.UserId!, At = (DateTime?)s.LastAccessedAt }).ToListAsync(ct))
            .Concat(await db.LearnerSettings.Where(s => EF.Functions.Like(s.LearnerId, anon)).Select(s => new { Id = s.LearnerId, At = (DateTime?)s.UpdatedAt }).ToListAsync(ct))
            .GroupBy(x => x.Id)
            .ToDictionary(g => g.Key, g => g.Max(x => x.At) ?? DateTime.MinValue);
        var stale = lastUse.Where(p => p.Value < cutoff).Select(p => p.Key).ToList();
        if (stale.Count == 0)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LearnerQuestionStates.Where(s => stale.Contains(s.LearnerId)).ExecuteDeleteAsync(ct);
        await db.ReviewLogs.Where(l => stale.Contains(l.LearnerId)).ExecuteDeleteAsync(ct);
        await db.ReviewCards.Where(c => stale.Contains(c.LearnerId)).ExecuteDeleteAsync(ct);
        await db.UserSessions.Where(s => stale.Contains(s.UserId!)).ExecuteDeleteAsync(ct);
        await db.LearnerSettings.Where(s => stale.Contains(s.LearnerId)).ExecuteDeleteAsync(ct);
        await db.LearnerActivityDays.Where(d => stale.Contains(d.LearnerId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return stale.Count;
    }
}

/// <summary>Runs the purge at start-up and then daily.</summary>
public sealed class AnonymousPurgeService(AnonymousPurge purge, ILogger<AnonymousPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24));
        do
        {
            try
            {
                var purged = await purge.PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged the progress of {Count} anonymous learners who did not come back", purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Purging anonymous progress failed; it is tried again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
