using System.Data.Common;
using System.Runtime.CompilerServices;
using InterviewPrep.Data.Diagnostics;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPrep.Data.Interceptors;

/// <summary>Times every command the contexts run, and counts the learner sessions a save wrote, into <see cref="DatabaseMetrics"/>.</summary>
public sealed class DatabaseMetricsInterceptor(DatabaseMetrics metrics) : DbCommandInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, StrongBox<int>> _sessions = new();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        metrics.RecordQuery(eventData.Duration, "read");
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        metrics.RecordQuery(eventData.Duration, "read");
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        metrics.RecordQuery(eventData.Duration, "write");
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        metrics.RecordQuery(eventData.Duration, "write");
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        metrics.RecordQuery(eventData.Duration, "scalar");
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        metrics.RecordQuery(eventData.Duration, "scalar");
        return ValueTask.FromResult(result);
    }

    // A failed command (a timeout, a lock wait given up) is often the slowest of all: it counts too.
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        metrics.RecordQuery(eventData.Duration, "failed");

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        metrics.RecordQuery(eventData.Duration, "failed");
        return Task.CompletedTask;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Count(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Count(DbContext? context)
    {
        if (context is not null)
        {
            _sessions.AddOrUpdate(context, new StrongBox<int>(context.ChangeTracker.Entries<UserSession>()
                .Count(e => e.State is EntityState.Added or EntityState.Modified)));
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && _sessions.TryGetValue(context, out var sessions))
        {
            metrics.RecordSessionsWritten(sessions.Value);
            _sessions.Remove(context);
        }
    }
}
