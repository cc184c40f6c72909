using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Data;

/// <summary>
/// Used by <c>dotnet ef migrations add</c> for the SQLite migration set. Identity reads its schema
/// version from the application's services, so they are given here as the app configures them.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    /// <summary>The Identity store options the app uses, for contexts built outside the app's container.</summary>
    public static IServiceProvider IdentityServices { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(IdentityServices)
            .Options);
}
