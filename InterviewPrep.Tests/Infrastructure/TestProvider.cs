using InterviewPrep.Data;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>
/// The database the data and integration tests run on: SQLite by default, or the PostgreSQL server
/// named by <c>TEST_POSTGRES</c> (an administrator's connection string, e.g.
/// <c>Host=127.0.0.1;Port=5432;Username=postgres</c>) when <c>TEST_DATABASE_PROVIDER=PostgreSQL</c>.
/// On PostgreSQL each test gets a database of its own, copied from a template migrated once per run.
/// Tests that are about SQLite itself carry <c>[Trait("Provider", "Sqlite")]</c> and are left out of
/// that run.
/// </summary>
public static class TestProvider
{
    public const string Trait = "Provider";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static DatabaseProvider Current { get; } =
        Environment.GetEnvironmentVariable("TEST_DATABASE_PROVIDER") is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Current == DatabaseProvider.PostgreSQL;

    /// <summary>Whether an error message is a CHECK constraint refusing a row, in either provider's words.</summary>
    public static bool IsCheckViolation(string? message) =>
        message is not null
        && (message.Contains("CHECK constraint failed", StringComparison.Ordinal)
            || message.Contains("violates check constraint", StringComparison.Ordinal));

    /// <summary>Skips the calling test unless the tests run on PostgreSQL.</summary>
    public static void RequirePostgreSql()
    {
        if (!IsPostgreSql)
        {
            Assert.Skip("a PostgreSQL test: run with TEST_DATABASE_PROVIDER=PostgreSQL and TEST_POSTGRES set");
        }
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "TEST_DATABASE_PROVIDER=PostgreSQL needs TEST_POSTGRES, a connection string to a server where the tests may create databases.");

    /// <summary>A new, migrated PostgreSQL database; its connection string.</summary>
    public static async Task<string> CreatePostgreSqlDatabaseAsync()
    {
        var template = await Template.Value;
        var name = "ip_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionString(name);
    }

    /// <summary>A new, empty PostgreSQL database (no tables), to restore into; drop it with <see cref="DropPostgreSqlDatabaseAsync"/>.</summary>
    public static async Task<string> CreateEmptyPostgreSqlDatabaseAsync()
    {
        var name = "ip_empty_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreatePostgreSqlDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropPostgreSqlDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString();

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One migrated database per test run, which every test's database is copied from.</summary>
    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"ip_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var connectionString = ConnectionString(name);
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseDatabase(DatabaseProvider.PostgreSQL, connectionString, TimeProvider.System)
            .UseApplicationServiceProvider(DesignTimeDbContextFactory.IdentityServices)
            .Options;
        await using (var db = new AppDbContext((DbContextOptions<AppDbContext>)options))
        {
            await db.Database.MigrateAsync();
        }

        // A template cannot be copied while anyone is connected to it.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server is already gone (CI stops it after the run).
            }
        };
        return name;
    }
}
