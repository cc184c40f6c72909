using InterviewPrep.Tests.Infrastructure;
using System.Data.Common;
using InterviewPrep.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InterviewPrep.Tests.Data;

/// <summary>The migrated database is the design document's schema, name for name and type for type.</summary>
public sealed class SchemaTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void DesignDocument_DeclaresTwelveTablesAndNineAccessPatterns()
    {
        var design = DesignDocument.Load();
        Assert.Equal(12, design.Tables.Count);
        Assert.Equal(9, design.AccessPatterns.Count);
        Assert.Equal(17, design.Indexes.Count);
    }

    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // the design's SQLite types (TEXT, INTEGER); PostgreSqlTests checks PostgreSQL's.
    public void EveryDesignTable_HasEveryColumnWithItsDeclaredTypeAndKey()
    {
        var design = DesignDocument.Load();
        using var connection = _db.OpenConnection();
        foreach (var (table, columns) in design.Tables)
        {
            var actual = TableInfo(connection, table);
            Assert.True(actual.Count > 0, $"table {table} is missing");
            foreach (var column in columns)
            {
                Assert.True(actual.TryGetValue(column.Name, out var info), $"{table}.{column.Name} is missing");
                Assert.Equal(column.Type, info.Type);
                Assert.True(column.IsPrimaryKey == info.IsPrimaryKey, $"{table}.{column.Name}: primary key should be {column.IsPrimaryKey}");
            }
        }
    }

    [Fact]
    public async Task ForeignKeys_FollowTheDesignsRelationships_AndHistoryHasNone()
    {
        await using var connection = await OpenAsync();
        Assert.Contains(Names("questionId", "questions", "id"), await ForeignKeysAsync(connection, "channelMappings"));
        var relationships = await ForeignKeysAsync(connection, "questionRelationships");
        Assert.Contains(Names("sourceQuestionId", "questions", "id"), relationships);
        Assert.Contains(Names("targetQuestionId", "questions", "id"), relationships);
        Assert.Empty(await ForeignKeysAsync(connection, "questionHistory"));
    }

    [Fact]
    public async Task Username_IsUnique()
    {
        await using var connection = await OpenAsync();
        var unique = new List<string>();
        foreach (var index in (await IndexesAsync(connection, "users")).Where(i => i.Unique))
        {
            unique.AddRange(await IndexColumnsAsync(connection, index.Name));
        }

        Assert.Contains("username", unique);
    }

    [Fact]
    public async Task EveryRecommendedIndex_ExistsWithItsExactNameAndColumn()
    {
        var design = DesignDocument.Load();
        await using var connection = await OpenAsync();
        foreach (var index in design.Indexes)
        {
            var names = (await IndexesAsync(connection, index.Table)).Select(i => i.Name).ToList();
            Assert.True(names.Contains(Name(index.Name)), $"index {index.Name} on {index.Table} is missing");
            Assert.Equal([Name(index.Column)], await IndexColumnsAsync(connection, Name(index.Name)));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [Trait(TestProvider.Trait, "Sqlite")] // SQLite's query plans; PostgreSqlTests has the PostgreSQL twin.
    public async Task EveryAccessPattern_RunsVerbatim_AndUsesAnIndex(bool withContent)
    {
        if (withContent)
        {
            await _db.Initializer(seed: true).SeedAsync();
        }

        var design = DesignDocument.Load();
        using var connection = _db.OpenConnection();
        foreach (var sql in design.AccessPatterns)
        {
            QueryPlans.AssertUsesIndexes(connection, sql);
        }

        // "Get Certification Questions" starts from the mapping rows of the channel, not from every active question.
        var certification = design.AccessPatterns.Single(p => p.Contains("channelMappings", StringComparison.Ordinal));
        Assert.StartsWith("SEARCH cm USING", QueryPlans.Plan(connection, certification)[0]);
    }

    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // the SQLite set grew in the design's phases; the PostgreSQL set starts from one migration.
    public async Task Migrations_AreTheDesignsFourPhases()
    {
        await using var context = _db.CreateContext();
        var applied = (await context.Database.GetAppliedMigrationsAsync()).Select(m => m[(m.IndexOf('_') + 1)..]).ToList();
        Assert.Equal(["Phase1CoreTables", "Phase2BotInfrastructure", "Phase3Relationships", "Phase4AdvancedFeatures"], applied.Take(4));
    }

    [Fact]
    public async Task Migrations_AreAllApplied_AndTheModelHasNoChangesWithoutOne()
    {
        await using var context = _db.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges(), "the model has changes without a migration: run dotnet ef migrations add");
    }

    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // SQLite's journal mode and connection PRAGMAs.
    public void Database_IsInWalModeWithForeignKeysOn()
    {
        using var connection = _db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
        using var context = _db.CreateContext();
        context.Database.OpenConnection();
        Assert.Equal(1L, context.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").AsEnumerable().Single());
        Assert.Equal(5000L, context.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").AsEnumerable().Single());
    }

    /// <summary>A name as the database spells it: the design's on SQLite, lower case on PostgreSQL.</summary>
    private static string Name(string name) => TestProvider.IsPostgreSql ? name.ToLowerInvariant() : name;

    private static (string, string, string) Names(string from, string table, string to) => (Name(from), Name(table), Name(to));

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = _db.Provider == DatabaseProvider.PostgreSQL
            ? new NpgsqlConnection(_db.ConnectionString)
            : _db.OpenConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        return connection;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql, string? argument = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (argument is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = connection is NpgsqlConnection ? "p" : "$p";
            parameter.Value = argument;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }

        return rows;
    }

    private static Dictionary<string, (string Type, bool IsPrimaryKey)> TableInfo(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, type, pk FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var columns = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            columns[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2) > 0);
        }

        return columns;
    }

    private static async Task<List<(string From, string Table, string To)>> ForeignKeysAsync(DbConnection connection, string table) =>
        (await QueryAsync(connection, connection is NpgsqlConnection
            ? """
              SELECT a.attname, r.relname, ra.attname
              FROM pg_constraint c
              JOIN pg_class t ON t.oid = c.conrelid
              JOIN pg_class r ON r.oid = c.confrelid
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
              JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
              WHERE c.contype = 'f' AND t.relname = lower(@p)
              """
            : "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list($p)", table))
        .Select(r => (r[0], r[1], r[2])).ToList();

    private static async Task<List<(string Name, bool Unique)>> IndexesAsync(DbConnection connection, string table) =>
        (await QueryAsync(connection, connection is NpgsqlConnection
            ? """
              SELECT i.relname, CASE WHEN x.indisunique THEN 1 ELSE 0 END
              FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
              WHERE t.relname = lower(@p)
              """
            : "SELECT name, \"unique\" FROM pragma_index_list($p)", table))
        .Select(r => (r[0], r[1] == "1")).ToList();

    private static async Task<List<string>> IndexColumnsAsync(DbConnection connection, string index) =>
        (await QueryAsync(connection, connection is NpgsqlConnection
            ? """
              SELECT a.attname
              FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
              CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
              JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
              WHERE i.relname = @p
              ORDER BY k.n
              """
            : "SELECT name FROM pragma_index_info($p) ORDER BY seqno", index))
        .Select(r => r[0]).ToList();
}
