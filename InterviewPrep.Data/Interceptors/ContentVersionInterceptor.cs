using System.Runtime.CompilerServices;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPrep.Data.Interceptors;

/// <summary>
/// Every save that changes content moves the shared <c>contentVersion</c> row, inside the caller's
/// transaction when there is one (so the new version commits with the content) and otherwise right
/// after the save's own commit. Whatever path wrote the content, every instance's caches see it.
/// </summary>
public sealed class ContentVersionInterceptor : SaveChangesInterceptor
{
    private static readonly HashSet<Type> ContentTypes =
    [
        typeof(Question), typeof(ChannelMapping), typeof(Channel), typeof(QuestionRelationship),
        typeof(Certification), typeof(LearningPath), typeof(VoiceSession), typeof(VoiceSynonymGroup),
    ];

    private readonly ConditionalWeakTable<DbContext, object> _changing = new();
    private long _localChanges;

    /// <summary>How many content saves this process has made: a cheap way for its caches to notice their own changes.</summary>
    public long LocalChanges => Interlocked.Read(ref _localChanges);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && _changing.Remove(db))
        {
            db.Database.ExecuteSql(BumpSql);
            Interlocked.Increment(ref _localChanges);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _changing.Remove(db))
        {
            await db.Database.ExecuteSqlAsync(BumpSql, cancellationToken);
            Interlocked.Increment(ref _localChanges);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // Unquoted names: SQLite matches them case-insensitively and PostgreSQL folds them to its lower-case names.
    private static FormattableString BumpSql => $"UPDATE contentVersion SET version = version + 1 WHERE id = {ContentVersionStamp.SingleId}";

    private void Remember(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ContentTypes.Contains(e.Metadata.ClrType)
                // A learner's own path is theirs, not content: no other page shows it.
                && e.Entity is not LearningPath { OwnerId: not null }))
        {
            _changing.AddOrUpdate(db, this);
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            _changing.Remove(db);
        }
    }
}
