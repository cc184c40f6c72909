using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Data.Content.Import;

/// <summary>
/// Reads a SQLite database in the original system's physical (Turso/libSQL, snake_case) schema
/// into import units whose rows carry the export's camelCase field names. Rows are read as the
/// import consumes them, not all at once.
/// </summary>
public static class TursoSource
{
    private static readonly (string Table, ImportKind Kind)[] ContentTables =
    [
        ("questions", ImportKind.Questions),
        ("channel_mappings", ImportKind.ChannelMappings),
        ("question_relationships", ImportKind.Relationships),
        ("certifications", ImportKind.Certifications),
        ("learning_paths", ImportKind.LearningPaths),
        ("voice_sessions", ImportKind.VoiceSessions),
    ];

    /// <summary>Tables that hold accounts, bot records or learner activity: not moved by an import.</summary>
    private static readonly string[] OtherTables =
        ["users", "work_queue", "bot_ledger", "bot_runs", "question_history", "user_sessions"];

    public static IReadOnlyList<ImportUnit> Read(string path)
    {
        var name = Path.GetFileName(path);
        var units = new List<ImportUnit>();
        try
        {
            using var connection = new SqliteConnection(ConnectionString(path));
            connection.Open();
            var tables = TableNames(connection);
            if (!tables.Contains("questions"))
            {
                return [ImportUnit.Failed(name, ImportKind.Questions, "not a database in the original system's schema (it has no questions table)")];
            }

            foreach (var (table, kind) in ContentTables.Where(t => tables.Contains(t.Table)))
            {
                var rows = (int)Count(connection, table);
                units.Add(new ImportUnit(
                    $"{name}: {table}", kind,
                    _ => Task.FromResult(new UnitCheck(rows, null)),
                    ct => ReadRowsAsync(path, table, ct)));
            }

            foreach (var table in OtherTables.Where(tables.Contains))
            {
                var count = Count(connection, table);
                if (count > 0)
                {
                    units.Add(ImportUnit.Noticed($"{name}: {table}",
                        $"{count} rows not imported: accounts, bot records and learner activity do not move with content"));
                }
            }
        }
        catch (SqliteException e)
        {
            return [ImportUnit.Failed(name, ImportKind.Questions, $"cannot be read as a SQLite database: {e.Message}")];
        }

        return units;
    }

    private static HashSet<string> TableNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static async IAsyncEnumerable<JsonNode?> ReadRowsAsync(string path, string table, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = new SqliteConnection(ConnectionString(path));
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = Enumerable.Range(0, reader.FieldCount).Select(i => CamelCase(reader.GetName(i))).ToArray();
        while (await reader.ReadAsync(ct))
        {
            var row = new JsonObject();
            for (var i = 0; i < names.Length; i++)
            {
                row[names[i]] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                {
                    long l => JsonValue.Create(l),
                    double d => JsonValue.Create(d),
                    string s => JsonValue.Create(s),
                    byte[] => null,
                    var other => JsonValue.Create(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)),
                };
            }

            yield return row;
        }
    }

    /// <summary><c>sub_channel</c> → <c>subChannel</c>.</summary>
    public static string CamelCase(string snake)
    {
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0
            ? snake
            : parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
