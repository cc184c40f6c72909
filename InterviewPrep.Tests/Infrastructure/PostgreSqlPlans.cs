using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>Runs the design's hand-written SQL on PostgreSQL and reads its query plans.</summary>
public static partial class PostgreSqlPlans
{
    /// <summary>
    /// Runs <paramref name="sql"/> with its "?" placeholders bound to the text 'x', then reads its
    /// plan with sequential scans discouraged (on tables of a few rows the planner prefers them even
    /// where an index serves) and fails if any table is still read by a sequential scan.
    /// Returns the plan, as JSON.
    /// </summary>
    public static async Task<string> AssertUsesIndexesAsync(string connectionString, string sql)
    {
        var (bound, count) = Bind(sql);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var run = Command(connection, bound, count))
        await using (var reader = await run.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
            }
        }

        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = Command(connection, "EXPLAIN (FORMAT JSON) " + bound, count);
        var plan = (string)(await explain.ExecuteScalarAsync())!;
        // With sequential scans off the planner may still read a whole table through an index it
        // only walks (a scan of the primary key with a filter): an index scan must have a condition.
        var scans = Nodes(JsonNode.Parse(plan)!)
            .Where(n => (string?)n["Node Type"] == "Seq Scan"
                || ((string?)n["Node Type"] is "Index Scan" or "Index Only Scan" && n["Index Cond"] is null))
            .Select(n => $"{n["Node Type"]} on {n["Relation Name"]}")
            .ToList();
        Assert.True(scans.Count == 0, $"full scan ({string.Join(", ", scans)}) in:\n{sql}\nplan:\n{plan}");
        return plan;
    }

    /// <summary>The statement with its "?" placeholders numbered $1..$n, and how many there are.</summary>
    public static (string Sql, int Count) Bind(string sql)
    {
        var count = 0;
        var bound = Placeholder().Replace(sql, _ => "$" + ++count);
        return (bound, count);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, int parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = "x", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        }

        return command;
    }

    private static IEnumerable<JsonObject> Nodes(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                {
                    foreach (var nested in Nodes(item!))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonObject obj:
                if (obj.ContainsKey("Node Type"))
                {
                    yield return obj;
                }

                foreach (var (_, value) in obj)
                {
                    if (value is JsonArray or JsonObject)
                    {
                        foreach (var nested in Nodes(value))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"\?")]
    private static partial Regex Placeholder();
}
