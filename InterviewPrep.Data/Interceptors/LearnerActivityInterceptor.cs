using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Learners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPrep.Data.Interceptors;

/// <summary>
/// Every save that adds or changes a learner-owned row moves that learner's
/// <c>learners.lastActiveAt</c> to now, in the same transaction when the caller has one, so a
/// learner's last use is the latest of all their writes whatever feature made them. Removing rows
/// (merge, purge, account deletion) is not activity: those paths keep the <c>learners</c> row themselves.
/// </summary>
public sealed class LearnerActivityInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            foreach (var learnerId in ActiveLearners(db))
            {
                await LearnerData.TouchAsync(db, learnerId, UtcIso.Truncate(clock.GetUtcNow().UtcDateTime), cancellationToken);
            }
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            foreach (var learnerId in ActiveLearners(db))
            {
                LearnerData.Touch(db, learnerId, UtcIso.Truncate(clock.GetUtcNow().UtcDateTime));
            }
        }

        return result;
    }

    private static List<string> ActiveLearners(AppDbContext db) => db.ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity is not Learner)
        .Select(e => LearnerData.LearnerOf(e.Entity))
        .OfType<string>()
        .Distinct(StringComparer.Ordinal)
        .ToList();
}
