using System.Net;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>Accounts for admins: roles given and taken, locking, and the last admin kept.</summary>
public sealed class AdminUsersTests
{
    private const string Password = "Quiet-Harbour-73-Lamp";

    private static async Task<string> IdOfAsync(AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task TheLastAdmin_CannotBeDemotedOrLocked_UntilThereIsAnother()
    {
        await using var app = new AppFactory();
        var users = app.Services.GetRequiredService<AdminUsers>();
        var admin = await IdOfAsync(app, AppFactory.AdminEmail);
        await AdminAccessTests.CreateUserAsync(app, "grace@example.test", Password);
        var grace = await IdOfAsync(app, "grace@example.test");

        var demoted = await users.SetAdminAsync(admin, false, grace);
        var locked = await users.SetLockedAsync(admin, true, grace);

        Assert.False(demoted.Done);
        Assert.Contains("only admin", demoted.Refused, StringComparison.Ordinal);
        Assert.False(locked.Done);
        Assert.True((await users.PageAsync(AppFactory.AdminEmail, 0, 10)).Rows.Single().IsAdmin);

        Assert.True((await users.SetAdminAsync(grace, true, admin)).Done);
        Assert.True((await users.SetAdminAsync(admin, false, grace)).Done);
        var page = await users.PageAsync(null, 0, 10);
        Assert.False(page.Rows.Single(r => r.Id == admin).IsAdmin);
        Assert.True(page.Rows.Single(r => r.Id == grace).IsAdmin);
    }

    [Fact]
    public async Task NoAdmin_LocksTheirOwnAccount()
    {
        await using var app = new AppFactory();
        var users = app.Services.GetRequiredService<AdminUsers>();
        var admin = await IdOfAsync(app, AppFactory.AdminEmail);

        var outcome = await users.SetLockedAsync(admin, true, admin);

        Assert.Equal("You cannot lock your own account.", outcome.Refused);
    }

    [Fact]
    public async Task ALockedAccount_CannotSignIn_AndIsSignedOut_UntilUnlocked()
    {
        await using var app = new AppFactory();
        var users = app.Services.GetRequiredService<AdminUsers>();
        var admin = await IdOfAsync(app, AppFactory.AdminEmail);
        await AdminAccessTests.CreateUserAsync(app, "mallory@example.test", Password);
        var mallory = await IdOfAsync(app, "mallory@example.test");
        using var client = AdminAccessTests.Client(app);
        await AdminAccessTests.SignInAsync(client, "mallory@example.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);

        Assert.True((await users.SetLockedAsync(mallory, true, admin)).Done);

        Assert.True((await users.PageAsync("mallory", 0, 10)).Rows.Single().IsLocked);
        using var again = AdminAccessTests.Client(app);
        var refused = await HtmlForms.PostAsync(again, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = "mallory@example.test", ["Input.Password"] = Password });
        Assert.Equal("/Account/Lockout", refused.Headers.Location?.AbsolutePath);

        Assert.True((await users.SetLockedAsync(mallory, false, admin)).Done);
        Assert.False((await users.PageAsync("mallory", 0, 10)).Rows.Single().IsLocked);
        using var third = AdminAccessTests.Client(app);
        await AdminAccessTests.SignInAsync(third, "mallory@example.test", Password);
    }
}
