using InterviewPrep.Data.Providers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Data;

/// <summary>
/// Used by <c>dotnet ef migrations add</c>. The SQLite set is the default; for the PostgreSQL set
/// pass <c>-- --provider PostgreSQL</c> (no server is needed to add a migration). Identity reads its
/// schema version from the application's services, so they are given here as the app configures them.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    /// <summary>The Identity store options the app uses, for contexts built outside the app's container.</summary>
    public static IServiceProvider IdentityServices { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public AppDbContext CreateDbContext(string[] args)
    {
        var at = Array.IndexOf(args, "--provider");
        var provider = at >= 0 && at + 1 < args.Length ? Enum.Parse<DatabaseProvider>(args[at + 1], ignoreCase: true) : DatabaseProvider.Sqlite;
        var connectionString = provider == DatabaseProvider.PostgreSQL
            ? "Host=localhost;Database=interviewprep_design"
            : "Data Source=design-time.db";
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseDatabase(provider, connectionString, TimeProvider.System)
            .UseApplicationServiceProvider(IdentityServices);
        return new AppDbContext((DbContextOptions<AppDbContext>)options.Options);
    }
}
