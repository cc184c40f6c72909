using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Learners;
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

/// <summary>
/// Deletes everything anonymous learners own when their last write (<c>learners.lastActiveAt</c>,
/// moved by every learner write) is older than the retention period. A learner with no recorded
/// activity is not old. Learners are deleted in batches, each batch its own short transaction.
/// </summary>
public sealed class AnonymousPurge(IDbContextFactory<AppDbContext> dbFactory, IOptions<LearnerOptions> options, TimeProvider clock)
{
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.UtcNow().AddDays(-options.Value.AnonymousRetentionDays);
        const string anon = AnonymousLearner.Prefix + "%";
        var purged = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Chosen inside the transaction, so a learner who writes now is not deleted: SQLite's
            // transaction holds the write lock; on PostgreSQL the chosen rows are locked, and a write
            // (which moves the learner's row first) waits until they are gone.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var stale = db.Database.IsNpgsql()
                ? await db.Database.SqlQuery<string>($"""
                    SELECT learnerId AS "Value" FROM learners
                    WHERE lastActiveAt < {cutoff} AND learnerId LIKE {anon}
                    ORDER BY lastActiveAt LIMIT {LearnerData.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """).ToListAsync(ct)
                : await db.Learners
                    .Where(l => l.LastActiveAt < cutoff && EF.Functions.Like(l.LearnerId, anon))
                    .OrderBy(l => l.LastActiveAt)
                    .Select(l => l.LearnerId)
                    .Take(LearnerData.BatchSize)
                    .ToListAsync(ct);
            if (stale.Count == 0)
            {
                return purged;
            }

            await LearnerData.DeleteAsync(db, stale, ct);
            await tx.CommitAsync(ct);
            purged += stale.Count;
        }
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
