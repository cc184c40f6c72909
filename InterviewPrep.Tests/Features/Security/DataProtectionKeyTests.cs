using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Security;

/// <summary>The Data Protection key ring lives with the data, not in the app's folder that a redeploy replaces.</summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // the folder beside the SQLite file; on PostgreSQL the ring is in the database.
    public async Task KeyRing_DefaultSettings_IsWrittenBesideTheDatabase()
    {
        await using var app = new AppFactory();
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");

        var keys = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "keys");
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task KeyRing_WithKeysPathSet_IsWrittenThere()
    {
        using var folder = new TempFolder();
        var keys = Path.Combine(folder.Path, "ring");
        await using var app = new AppFactory(settings: new Dictionary<string, string?> { ["DataProtection:KeysPath"] = keys });
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");

        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "keys")));
    }

    [Fact]
    [Trait(TestProvider.Trait, "PostgreSQL")]
    public async Task KeyRing_OnPostgreSql_IsKeptInTheDatabase()
    {
        TestProvider.RequirePostgreSql();
        await using var app = new AppFactory();
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "keys")));
    }
}
