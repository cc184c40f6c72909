using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>Runs the design's hand-written SQL and reads SQLite's query plans.</summary>
public static class QueryPlans
{
    /// <summary>The query plan's lines for <paramref name="sql"/>.</summary>
    public static List<string> Plan(SqliteConnection connection, string sql) =>
        Run(connection, "EXPLAIN QUERY PLAN " + sql).Select(row => row[3]).ToList();

    /// <summary>Fails on a full table scan, then runs the statement as written.</summary>
    public static void AssertUsesIndexes(SqliteConnection connection, string sql)
    {
        var plan = Plan(connection, sql);
        var fullScans = plan.Where(p => p.StartsWith("SCAN ", StringComparison.Ordinal) && !p.Contains(" USING ", StringComparison.Ordinal)).ToList();
        Assert.True(fullScans.Count == 0, $"full table scan in:\n{sql}\nplan:\n{string.Join("\n", plan)}");
        Run(connection, sql);
    }

    /// <summary>
    /// Runs SQL with its positional "?" parameters bound to 'x', through SQLite itself
    /// (Microsoft.Data.Sqlite binds parameters by name only).
    /// </summary>
    public static List<string[]> Run(SqliteConnection connection, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        Assert.True(rc == raw.SQLITE_OK, $"{raw.sqlite3_errmsg(connection.Handle).utf8_to_string()} in:\n{sql}");
        using (statement)
        {
            for (var i = 1; i <= raw.sqlite3_bind_parameter_count(statement); i++)
            {
                raw.sqlite3_bind_text(statement, i, "x");
            }

            var rows = new List<string[]>();
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows.Add(Enumerable.Range(0, raw.sqlite3_column_count(statement))
                    .Select(c => raw.sqlite3_column_text(statement, c).utf8_to_string() ?? "").ToArray());
            }

            Assert.True(rc == raw.SQLITE_DONE, $"{raw.sqlite3_errmsg(connection.Handle).utf8_to_string()} in:\n{sql}");
            return rows;
        }
    }
}
