using InterviewPrep.Data.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InterviewPrep.Data.Providers;

/// <summary>How a context is configured for each provider: the app, the tests and the design-time tools all come through here.</summary>
public static class DatabaseSetup
{
    /// <summary>
    /// Points <paramref name="options"/> at the database: the provider, its migration set, and the
    /// interceptors every context has (plus <paramref name="interceptors"/>).
    /// </summary>
    public static DbContextOptionsBuilder UseDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, TimeProvider clock,
        params IInterceptor[] interceptors)
    {
        switch (provider)
        {
            case DatabaseProvider.PostgreSQL:
                options.UseNpgsql(connectionString);
                break;
            default:
                options.UseSqlite(connectionString);
                interceptors = [new SqlitePragmaInterceptor(), .. interceptors];
                break;
        }

        return options
            .ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>()
            .AddInterceptors([new LearnerActivityInterceptor(clock), .. interceptors]);
    }

    /// <summary>
    /// The configured connection string. For SQLite, the file is made absolute against the content
    /// root (so it never depends on the current directory) and its folder is created.
    /// </summary>
    public static string ResolveConnectionString(DatabaseProvider provider, string? configured, string contentRoot)
    {
        if (provider == DatabaseProvider.PostgreSQL)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException(
                    "Database:Provider is PostgreSQL but ConnectionStrings:DefaultConnection is empty. " +
                    "Set it, for example Host=localhost;Database=interviewprep;Username=app;Password=...")
                : configured;
        }

        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={DependencyInjection.DefaultDatabasePath}"
            : configured);
        var dataSource = csb.DataSource;
        var inMemory = string.IsNullOrEmpty(dataSource)
            || dataSource == ":memory:"
            || csb.Mode == SqliteOpenMode.Memory;
        if (!inMemory)
        {
            var path = Path.IsPathRooted(dataSource) ? dataSource : Path.GetFullPath(Path.Combine(contentRoot, dataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }

        return csb.ToString();
    }

    /// <summary>
    /// A timestamp as a parameter of hand-written SQL: SQLite stores timestamps as ISO-8601 text
    /// (<see cref="Configurations.UtcIso"/>), PostgreSQL as <c>timestamptz</c>.
    /// </summary>
    public static object TimeValue(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, DateTime value) =>
        database.IsNpgsql() ? Configurations.UtcIso.Truncate(value) : Configurations.UtcIso.Format(value);

    /// <summary>
    /// Locks the rows a read-check-write in the current transaction is about to change, until the
    /// transaction ends, so a concurrent writer waits instead of being overwritten. SQLite's
    /// transactions take the database's write lock when they begin (IMMEDIATE), which already
    /// serializes writers; PostgreSQL's READ COMMITTED does not, so there the rows are selected
    /// <c>FOR UPDATE</c>. <paramref name="select"/> is a <c>SELECT ... FOR UPDATE</c> with unquoted names.
    /// </summary>
    public static Task LockForUpdateAsync(
        this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, FormattableString select, CancellationToken ct = default) =>
        database.IsNpgsql() ? database.ExecuteSqlAsync(select, ct) : Task.CompletedTask;

    /// <summary>
    /// Serializes, until the transaction ends, the transactions that pass the same
    /// <paramref name="key"/>: for a check-then-insert whose row does not exist yet, so there is no
    /// row to lock. SQLite's IMMEDIATE transactions are serialized already; on PostgreSQL this is a
    /// transaction-scoped advisory lock.
    /// </summary>
    public static Task LockKeyAsync(
        this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, string key, CancellationToken ct = default) =>
        database.IsNpgsql() ? database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct) : Task.CompletedTask;

    /// <summary>The provider a context runs on.</summary>
    public static DatabaseProvider Provider(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.IsNpgsql() ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
}
