using InterviewPrep.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
    public void ForeignKeys_FollowTheDesignsRelationships_AndHistoryHasNone()
    {
        using var connection = _db.OpenConnection();
        Assert.Contains(("questionId", "questions", "id"), ForeignKeys(connection, "channelMappings"));
        var relationships = ForeignKeys(connection, "questionRelationships");
        Assert.Contains(("sourceQuestionId", "questions", "id"), relationships);
        Assert.Contains(("targetQuestionId", "questions", "id"), relationships);
        Assert.Empty(ForeignKeys(connection, "questionHistory"));
    }

    [Fact]
    public void Username_IsUnique()
    {
        using var connection = _db.OpenConnection();
        var unique = Indexes(connection, "users").Where(i => i.Unique).SelectMany(i => IndexColumns(connection, i.Name));
        Assert.Contains("username", unique);
    }

    [Fact]
    public void EveryRecommendedIndex_ExistsWithItsExactNameAndColumn()
    {
        var design = DesignDocument.Load();
        using var connection = _db.OpenConnection();
        foreach (var index in design.Indexes)
        {
            var names = Indexes(connection, index.Table).Select(i => i.Name).ToList();
            Assert.True(names.Contains(index.Name), $"index {index.Name} on {index.Table} is missing");
            Assert.Equal([index.Column], IndexColumns(connection, index.Name));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
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
    public async Task Migrations_AreTheDesignsFourPhases_AndNothingIsPending()
    {
        await using var context = _db.CreateContext();
        var applied = (await context.Database.GetAppliedMigrationsAsync()).Select(m => m[(m.IndexOf('_') + 1)..]).ToList();
        Assert.Equal(["Phase1CoreTables", "Phase2BotInfrastructure", "Phase3Relationships", "Phase4AdvancedFeatures"], applied.Take(4));
        Assert.False(context.Database.HasPendingModelChanges(), "the model has changes without a migration: run dotnet ef migrations add");
    }

    [Fact]
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

    private static List<(string From, string Table, string To)> ForeignKeys(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('{table}')";
        using var reader = command.ExecuteReader();
        var keys = new List<(string, string, string)>();
        while (reader.Read())
        {
            keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return keys;
    }

    private static List<(string Name, bool Unique)> Indexes(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, \"unique\" FROM pragma_index_list('{table}')";
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, bool)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetInt64(1) == 1));
        }

        return indexes;
    }

    private static List<string> IndexColumns(SqliteConnection connection, string index)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
