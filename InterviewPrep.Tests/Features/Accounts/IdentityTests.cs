using System.Buffers.Binary;
using System.Net;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewPrep.Tests.Features.Accounts;

/// <summary>Identity on the design's users table: roles, the first admin, password hashing, lockout.</summary>
public sealed class IdentityTests
{
    [Fact]
    public async Task ConfiguredAdmin_IsCreatedInTheAdminRole_OnTheUsersTable()
    {
        await using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        Assert.True(await roles.RoleExistsAsync(Roles.Admin));
        Assert.True(await roles.RoleExistsAsync(Roles.Learner));
        var admin = await users.FindByEmailAsync(AppFactory.AdminEmail);
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, username, password FROM users WHERE username = @name";
        var name = command.CreateParameter();
        name.ParameterName = "@name";
        name.Value = AppFactory.AdminEmail;
        command.Parameters.Add(name);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(admin.Id, reader.GetString(0));
        Assert.NotEqual(AppFactory.AdminPassword, reader.GetString(2));
    }

    [Fact]
    public async Task PasswordHashes_UseAtLeast220000Pbkdf2Iterations()
    {
        await using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync(AppFactory.AdminEmail);

        // Identity v3 hash: format marker, PRF, iteration count (big-endian), salt length, salt, subkey.
        var hash = Convert.FromBase64String(admin!.PasswordHash!);
        Assert.Equal(0x01, hash[0]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4));
        Assert.True(iterations >= 220_000, $"{iterations} iterations");
    }

    [Fact]
    public async Task FiveFailedSignIns_LockTheAccount()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var wrong = new Dictionary<string, string> { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = "wrong-password" };

        for (var i = 0; i < 4; i++)
        {
            var failed = await HtmlForms.PostAsync(client, "/Account/Login", wrong);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("Invalid login attempt", await failed.Content.ReadAsStringAsync());
        }

        var fifth = await HtmlForms.PostAsync(client, "/Account/Login", wrong);
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.ToString());

        var right = await HtmlForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Account/Lockout", right.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_SetsTheCookie()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await HtmlForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_CreatesALearner()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await HtmlForms.PostAsync(client, "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "learner@example.test",
            ["Input.Password"] = "Flash-Cards-4-Ever!",
            ["Input.ConfirmPassword"] = "Flash-Cards-4-Ever!",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var learner = await users.FindByEmailAsync("learner@example.test");
        Assert.NotNull(learner);
        Assert.Equal([Roles.Learner], await users.GetRolesAsync(learner));
    }

    [Fact]
    public async Task Development_WithoutConfiguredAdmin_CreatesOne()
    {
        await using var app = new AppFactory("Development", new Dictionary<string, string?>());
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        Assert.Equal(AdminAccountSeeder.DevelopmentAdminEmail, Assert.Single(admins).Email);
    }

    [Fact]
    public async Task Production_WithoutConfiguredAdmin_StartsAndWarns()
    {
        await using var app = new AppFactory("Production", new Dictionary<string, string?>());
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Empty(await users.GetUsersInRoleAsync(Roles.Admin));
        Assert.Contains(app.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("No admin account exists"));
    }

    [Fact]
    public async Task ConfiguredAdminEmail_AlreadyRegisteredBySomeoneElse_IsNotPromoted()
    {
        await using var first = new AppFactory("Production", new Dictionary<string, string?>());
        using (var scope = first.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var squatter = new AppUser { UserName = "boss@example.test", Email = "boss@example.test" };
            Assert.True((await users.CreateAsync(squatter, "Squatter-Passw0rd!")).Succeeded);
        }

        await using var second = new AppFactory("Production", new Dictionary<string, string?>
        {
            ["Admin:Email"] = "boss@example.test",
            ["Admin:Password"] = "The-Real-Passw0rd!",
        }, database: first.Database);
        using var check = second.Services.CreateScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Empty(await manager.GetUsersInRoleAsync(Roles.Admin));
        Assert.Contains(second.Logs, l => l.Level == LogLevel.Error && l.Message.Contains("was NOT made an admin"));
    }

    [Fact]
    public async Task ConfiguredAdminEmail_AlreadyRegisteredWithTheConfiguredPassword_IsPromoted()
    {
        await using var first = new AppFactory("Production", new Dictionary<string, string?>());
        using (var scope = first.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = "me@example.test", Email = "me@example.test" }, "Mine-Passw0rd!")).Succeeded);
        }

        await using var second = new AppFactory("Production", new Dictionary<string, string?>
        {
            ["Admin:Email"] = "me@example.test",
            ["Admin:Password"] = "Mine-Passw0rd!",
        }, database: first.Database);
        using var check = second.Services.CreateScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal("me@example.test", Assert.Single(await manager.GetUsersInRoleAsync(Roles.Admin)).Email);
    }
}
