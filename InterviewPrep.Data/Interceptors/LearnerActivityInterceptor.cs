using System.Collections.Concurrent;
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
/// The purge counts in days, so a learner's row is moved at most once per <see cref="Resolution"/>
/// by each app process: a study step does not pay for a second write each time.
/// </summary>
public sealed class LearnerActivityInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>How stale <c>lastActiveAt</c> may be, at most.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(10);

    private const int MaxRemembered = 100_000;

    /// <summary>When this process last moved each learner's row.</summary>
    private readonly ConcurrentDictionary<string, DateTime> _moved = new(StringComparer.Ordinal);

    /// <summary>The rows a save is moving, remembered once the save has succeeded.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<string>> _moving = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            var now = clock.UtcNow();
            foreach (var learnerId in LearnersToMove(db, now))
            {
                await LearnerData.TouchAsync(db, learnerId, now, cancellationToken);
            }
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            var now = clock.UtcNow();
            foreach (var learnerId in LearnersToMove(db, now))
            {
                LearnerData.Touch(db, learnerId, now);
            }
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Remember(eventData.Context);
        return result;
    }

    private List<string> LearnersToMove(AppDbContext db, DateTime now)
    {
        var learners = ActiveLearners(db)
            .Where(id => !_moved.TryGetValue(id, out var at) || now - at >= Resolution || now < at)
            .ToList();
        _moving.AddOrUpdate(db, learners);
        return learners;
    }

    /// <summary>Only a save that succeeded counts as having moved the rows.</summary>
    private void Remember(DbContext? context)
    {
        if (context is null || !_moving.TryGetValue(context, out var learners))
        {
            return;
        }

        _moving.Remove(context);
        if (_moved.Count > MaxRemembered)
        {
            _moved.Clear();
        }

        var now = clock.UtcNow();
        foreach (var learnerId in learners)
        {
            _moved[learnerId] = now;
        }
    }

    private static List<string> ActiveLearners(AppDbContext db) => db.ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity is not Learner)
        .Select(e => LearnerData.LearnerOf(e.Entity))
        .OfType<string>()
        .Distinct(StringComparer.Ordinal)
        .ToList();
}
