using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Security;

/// <summary>The Data Protection key ring lives with the data, not in the app's folder that a redeploy replaces.</summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
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
}
