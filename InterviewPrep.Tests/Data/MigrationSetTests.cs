using InterviewPrep.Data;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InterviewPrep.Tests.Data;

/// <summary>Each provider has its own migration set, and each set matches the model (no server needed).</summary>
public sealed class MigrationSetTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.PostgreSQL, "Host=unused.invalid;Database=unused")]
    public void EveryProvidersMigrationSet_MatchesTheModel(DatabaseProvider provider, string connectionString)
    {
        using var db = Context(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes the {provider} migrations do not have: add a migration to Migrations/{provider} (see README).");
    }

    [Fact]
    public void TheTwoSets_AreSeparate_AndEachHasItsOwnSnapshot()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=unused.db");
        using var postgreSql = Context(DatabaseProvider.PostgreSQL, "Host=unused.invalid;Database=unused");
        var sqliteSet = sqlite.GetService<IMigrationsAssembly>();
        var postgreSqlSet = postgreSql.GetService<IMigrationsAssembly>();

        Assert.NotEmpty(sqliteSet.Migrations);
        Assert.NotEmpty(postgreSqlSet.Migrations);
        Assert.All(sqliteSet.Migrations.Values, m => Assert.Equal("InterviewPrep.Data.Migrations.Sqlite", m.Namespace));
        Assert.All(postgreSqlSet.Migrations.Values, m => Assert.Equal("InterviewPrep.Data.Migrations.PostgreSQL", m.Namespace));
        Assert.Empty(sqliteSet.Migrations.Keys.Intersect(postgreSqlSet.Migrations.Keys));
        Assert.NotEqual(sqliteSet.ModelSnapshot!.GetType(), postgreSqlSet.ModelSnapshot!.GetType());
    }

    [Fact]
    public void OnPostgreSql_EveryName_IsLowerCase()
    {
        using var db = Context(DatabaseProvider.PostgreSQL, "Host=unused.invalid;Database=unused");
        var names = db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.IsMappedToJson()) // keys inside a JSON document are not SQL names
            .SelectMany(e => new[] { e.GetTableName()! }
                .Concat(e.GetProperties().Select(p => p.GetColumnName()))
                .Concat(e.GetIndexes().Select(i => i.GetDatabaseName()!))
                .Concat(e.GetCheckConstraints().Select(c => c.Name!)))
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Equal(name.ToLowerInvariant(), name));
    }

    private static AppDbContext Context(DatabaseProvider provider, string connectionString) =>
        new((DbContextOptions<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>()
            .UseDatabase(provider, connectionString, TimeProvider.System)
            .UseApplicationServiceProvider(DesignTimeDbContextFactory.IdentityServices)
            .Options);
}
