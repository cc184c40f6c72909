using System.Data.Common;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Operations;

/// <summary>The database's size now: the data and the write-ahead log, in bytes (null where it cannot be read).</summary>
public sealed record DatabaseSize(long DatabaseBytes, long? WalBytes);

/// <summary>
/// A JSON column's size over its non-null values, in bytes as stored: the JSON text on SQLite; on PostgreSQL the
/// jsonb or text[] value as it sits in its row (after PostgreSQL's own compression of large values).
/// </summary>
public sealed record JsonColumnSize(string Table, string Column, long Values, double AverageBytes, long LargestBytes);

/// <summary>Rows created in one week (Monday to Sunday, UTC) in a table that records when each row was made.</summary>
public sealed record WeeklyGrowth(string Table, DateOnly WeekOf, int Rows);

/// <summary>
/// What the monitoring page measures in the database itself, on either provider: its size and its log's,
/// one size sample a day, every JSON column's sizes, and the rows each growing table gained each week.
/// </summary>
public sealed class DatabaseFigures(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<DatabaseSize> SizeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.Provider() == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var wal = new FileInfo(path + "-wal");
            return new DatabaseSize(new FileInfo(path).Length, wal.Exists ? wal.Length : 0);
        }

        var size = await ScalarAsync<long>(db, "SELECT pg_database_size(current_database())", ct);
        long? walBytes;
        try
        {
            // Superusers and members of pg_monitor may list the WAL folder.
            walBytes = await ScalarAsync<long>(db, "SELECT coalesce(sum(size), 0)::bigint FROM pg_ls_waldir()", ct);
        }
        catch (DbException)
        {
            walBytes = null;
        }

        return new DatabaseSize(size, walBytes);
    }

    /// <summary>Keeps today's size, once a day; true when this call recorded it.</summary>
    public async Task<bool> SampleAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.StorageSamples.AnyAsync(s => s.Day == today, ct))
        {
            return false;
        }

        var size = await SizeAsync(ct);
        db.StorageSamples.Add(new StorageSample { Day = today, DatabaseBytes = size.DatabaseBytes, WalBytes = size.WalBytes, RecordedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance recorded it first
        }
    }

    /// <summary>The daily samples of the last <paramref name="days"/> days, oldest first.</summary>
    public async Task<IReadOnlyList<StorageSample>> SamplesAsync(int days = 90, CancellationToken ct = default)
    {
        var from = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StorageSamples.AsNoTracking().Where(s => s.Day >= from).OrderBy(s => s.Day).ToListAsync(ct);
    }

    /// <summary>Every JSON column of the model: how many values, their average and largest stored size.</summary>
    public async Task<IReadOnlyList<JsonColumnSize>> JsonColumnSizesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var postgres = db.Database.Provider() == DatabaseProvider.PostgreSQL;
        var columns = db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Where(p => p.IsJsonColumn()).Select(p => (Table: e.GetTableName()!, Column: p.GetColumnName())))
            .OrderBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal)
            .ToList();
        var sizes = new List<JsonColumnSize>(columns.Count);
        await db.Database.OpenConnectionAsync(ct);
        foreach (var (table, column) in columns)
        {
            var length = postgres ? $"pg_column_size(\"{column}\")" : $"length(CAST(\"{column}\" AS BLOB))";
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT count(\"{column}\"), coalesce(avg({length}), 0), coalesce(max({length}), 0) FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            sizes.Add(new JsonColumnSize(table, column, reader.GetInt64(0), Convert.ToDouble(reader.GetValue(1)), Convert.ToInt64(reader.GetValue(2))));
        }

        return sizes;
    }

    /// <summary>Rows created per week in questions, questionHistory and botLedger over the last <paramref name="weeks"/> weeks, oldest first.</summary>
    public async Task<IReadOnlyList<WeeklyGrowth>> WeeklyGrowthAsync(int weeks = 12, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstWeek = thisWeek.AddDays(-7 * (weeks - 1));
        var from = firstWeek.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var growth = new List<WeeklyGrowth>();
        foreach (var (table, days) in new[]
        {
            ("questions", await DaysAsync(db.Questions.Where(q => q.CreatedAt >= from).Select(q => q.CreatedAt), ct)),
            ("questionHistory", await DaysAsync(db.QuestionHistory.Where(h => h.CreatedAt >= from).Select(h => h.CreatedAt), ct)),
            ("botLedger", await DaysAsync(db.BotLedger.Where(l => l.CreatedAt >= from).Select(l => l.CreatedAt), ct)),
        })
        {
            for (var week = 0; week < weeks; week++)
            {
                var start = firstWeek.AddDays(7 * week);
                growth.Add(new WeeklyGrowth(table, start, days.Where(d => d.Day >= start && d.Day < start.AddDays(7)).Sum(d => d.Rows)));
            }
        }

        return growth;
    }

    /// <summary>Rows per day, counted by the database (a year of rows is at most a few hundred groups).</summary>
    private static async Task<List<(DateOnly Day, int Rows)>> DaysAsync(IQueryable<DateTime> createdAt, CancellationToken ct)
    {
        var days = await createdAt.GroupBy(at => at.Date).Select(g => new { g.Key, Rows = g.Count() }).ToListAsync(ct);
        return days.Select(d => (DateOnly.FromDateTime(d.Key), d.Rows)).ToList();
    }

    private static async Task<T> ScalarAsync<T>(AppDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(ct))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
