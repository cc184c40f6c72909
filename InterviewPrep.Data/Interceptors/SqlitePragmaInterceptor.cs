using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPrep.Data.Interceptors;

/// <summary>
/// Sets the per-connection SQLite pragmas: foreign keys on, a busy timeout so concurrent writers
/// wait instead of failing, and NORMAL sync (safe under WAL). WAL itself is persistent and is set
/// when the database is migrated.
/// </summary>
public sealed class SqlitePragmaInterceptor(int busyTimeoutMs = 5000) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
