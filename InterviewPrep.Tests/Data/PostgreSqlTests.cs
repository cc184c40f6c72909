using InterviewPrep.Data.Configurations;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace InterviewPrep.Tests.Data;

/// <summary>
/// The schema on PostgreSQL: the design's access patterns run as written and use an index, and the
/// column types are PostgreSQL's own (timestamptz, jsonb, text[]) with the CHECKs in place.
/// Run with <c>TEST_DATABASE_PROVIDER=PostgreSQL</c>; skipped otherwise.
/// </summary>
[Trait(TestProvider.Trait, "PostgreSQL")]
public sealed class PostgreSqlTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        TestProvider.RequirePostgreSql();
        _db = await TestDatabase.CreateAsync();
    }

    public ValueTask DisposeAsync() => _db?.DisposeAsync() ?? ValueTask.CompletedTask;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryAccessPattern_RunsVerbatim_AndUsesAnIndex(bool withContent)
    {
        if (withContent)
        {
            await _db.Initializer(seed: true).SeedAsync();
        }

        var output = Xunit.TestContext.Current.TestOutputHelper;
        var design = DesignDocument.Load();
        Assert.Equal(9, design.AccessPatterns.Count);
        foreach (var sql in design.AccessPatterns)
        {
            var plan = await PostgreSqlPlans.AssertUsesIndexesAsync(_db.ConnectionString, sql);
            output?.WriteLine(sql);
            output?.WriteLine(plan);
            output?.WriteLine("");
        }
    }

    [Fact]
    public async Task AQueryOnAColumnWithoutAnIndex_FailsThePlanCheck()
    {
        await _db.Initializer(seed: true).SeedAsync();
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(
            () => PostgreSqlPlans.AssertUsesIndexesAsync(_db.ConnectionString, "SELECT * FROM questions WHERE answer = ? ORDER BY createdAt DESC"));
    }

    [Fact]
    public async Task EveryDesignTable_HasEveryColumn_AndItsPrimaryKey()
    {
        var design = DesignDocument.Load();
        var columns = (await QueryAsync("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"))
            .Select(r => (r[0], r[1])).ToHashSet();
        var keys = (await QueryAsync("""
            SELECT k.table_name, k.column_name
            FROM information_schema.table_constraints c
            JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
            WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = 'public'
            """)).Select(r => (r[0], r[1])).ToHashSet();
        foreach (var (table, tableColumns) in design.Tables)
        {
            foreach (var column in tableColumns)
            {
                var name = (table.ToLowerInvariant(), column.Name.ToLowerInvariant());
                Assert.True(columns.Contains(name), $"{table}.{column.Name} is missing");
                Assert.True(column.IsPrimaryKey == keys.Contains(name), $"{table}.{column.Name}: primary key should be {column.IsPrimaryKey}");
            }
        }
    }

    [Fact]
    public async Task Timestamps_AreTimestamptz_JsonIsJsonb_ListsAreTextArrays_AndTheChecksArePresent()
    {
        var types = (await QueryAsync("SELECT table_name, column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = 'public'"))
            .ToDictionary(r => (r[0], r[1]), r => (DataType: r[2], Udt: r[3]));
        var checks = (await QueryAsync("SELECT conname FROM pg_constraint WHERE contype = 'c'")).Select(r => r[0]).ToHashSet();
        await using var db = _db.CreateContext();
        int timestamps = 0, json = 0, lists = 0, constraints = 0;
        var model = db.GetService<IDesignTimeModel>().Model;
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName();
                Assert.True(types.TryGetValue((table, column), out var type), $"{table}.{column} is missing");
                if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(DateTime))
                {
                    Assert.True(type.DataType == "timestamp with time zone", $"{table}.{column} is {type.DataType}");
                    timestamps++;
                }
                else if (property.IsPrimitiveCollection)
                {
                    Assert.True(type is ("ARRAY", "_text"), $"{table}.{column} is {type}");
                    lists++;
                }
                else if (property.IsJsonColumn())
                {
                    Assert.True(type.DataType == "jsonb", $"{table}.{column} is {type.DataType}");
                    json++;
                }
            }

            foreach (var check in entity.GetCheckConstraints())
            {
                Assert.True(checks.Contains(check.Name!), $"CHECK {check.Name} on {table} is missing");
                constraints++;
            }
        }

        Assert.True(timestamps > 10 && json > 5 && lists > 5 && constraints > 5, $"{timestamps} timestamps, {json} JSON, {lists} lists, {constraints} CHECKs");
        Assert.Equal(("timestamp with time zone", "timestamptz"), types[("questions", "createdat")]);
        Assert.Equal("jsonb", types[("usersessions", "sessiondata")].DataType);
        Assert.Equal(("ARRAY", "_text"), types[("questions", "tags")]);
        Assert.Contains("ck_questions_difficulty", checks);
    }

    [Fact]
    public async Task Timestamps_RoundTripAsUtcInstants()
    {
        var at = new DateTime(2026, 1, 25, 10, 30, 0, 123, DateTimeKind.Utc);
        await using (var write = _db.CreateContext())
        {
            write.LearnerSettings.Add(new InterviewPrep.Data.Entities.LearnerSettings { LearnerId = "l", UpdatedAt = at });
            await write.SaveChangesAsync();
        }

        Assert.Equal([["2026-01-25 10:30:00.123+00"]], await QueryAsync("SET TIME ZONE 'UTC'; SELECT updatedat::text FROM learnersettings"));
        await using var read = _db.CreateContext();
        var stored = await read.LearnerSettings.Select(s => s.UpdatedAt).SingleAsync();
        Assert.Equal(at, stored);
        Assert.Equal(DateTimeKind.Utc, stored.Kind);
    }

    private async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        do
        {
            while (await reader.ReadAsync())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }
}
