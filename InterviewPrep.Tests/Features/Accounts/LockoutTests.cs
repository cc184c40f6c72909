using System.Net;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Accounts;

/// <summary>Lockout counted exactly, however many wrong passwords arrive at once.</summary>
public sealed class LockoutTests
{
    private const int Parallel = 24;

    [Fact]
    public async Task PasswordSignIn_24WrongPasswordsInParallel_ChecksFiveAndLocksTheAccount()
    {
        await using var factory = new AppFactory();
        var (app, hasher) = factory.WithCountingPasswordHasher();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = HtmlForms.HiddenFields(await client.GetStringAsync("/Account/Login"));
        form["Input.Email"] = AppFactory.AdminEmail;
        form["Input.Password"] = "not-the-password-at-all";
        hasher.Reset();

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            client.PostAsync("/Account/Login", new FormUrlEncodedContent(form))));

        var failed = 0;
        var lockedOut = 0;
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("Account/Lockout"))
            {
                lockedOut++;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("Invalid login attempt", await response.Content.ReadAsStringAsync());
                failed++;
            }
        }

        Xunit.TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Parallel} parallel wrong passwords: {hasher.Verifications} checked, {failed} answered 'invalid', {lockedOut} sent to the lockout page");
        Assert.Equal(5, hasher.Verifications);
        Assert.Equal((4, Parallel - 4), (failed, lockedOut));
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = await users.FindByEmailAsync(AppFactory.AdminEmail);
            Assert.True(await users.IsLockedOutAsync(admin!));
        }

        var right = new Dictionary<string, string>(form) { ["Input.Password"] = AppFactory.AdminPassword };
        var refused = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(right));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Account/Lockout", refused.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AccessFailed_OnStaleCopiesOfTheUser_CountsEveryFailure()
    {
        await using var app = new AppFactory();

        // Three requests that loaded the account before any of them recorded its failure.
        var scopes = Enumerable.Range(0, 3).Select(_ => app.Services.CreateScope()).ToList();
        var copies = new List<(UserManager<AppUser> Users, AppUser User)>();
        foreach (var scope in scopes)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            copies.Add((users, (await users.FindByEmailAsync(AppFactory.AdminEmail))!));
        }

        foreach (var (users, copy) in copies)
        {
            Assert.True((await users.AccessFailedAsync(copy)).Succeeded);
        }

        scopes.ForEach(s => s.Dispose());
        using var check = app.Services.CreateScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await manager.FindByEmailAsync(AppFactory.AdminEmail);
        Assert.Equal(3, user!.AccessFailedCount);
        Assert.False(await manager.IsLockedOutAsync(user));

        Assert.True((await manager.AccessFailedAsync(user)).Succeeded);
        Assert.True((await manager.AccessFailedAsync(user)).Succeeded);
        Assert.True(await manager.IsLockedOutAsync(user));
    }

    [Fact]
    public async Task PasswordSignIn_AfterAnAttemptThatNeverFinished_IsNotLockedOutForever()
    {
        await using var factory = new AppFactory();
        _ = factory.Server;
        using (var scope = factory.Services.CreateScope())
        {
            // Four failures, then a fifth attempt counted whose check never finished (a crash, a busy database).
            var db = scope.ServiceProvider.GetRequiredService<InterviewPrep.Data.AppDbContext>();
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                db.Users.Where(u => u.NormalizedEmail == AppFactory.AdminEmail.ToUpperInvariant()),
                u => u.SetProperty(x => x.AccessFailedCount, 5).SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null));
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = HtmlForms.HiddenFields(await client.GetStringAsync("/Account/Login"));
        form["Input.Email"] = AppFactory.AdminEmail;
        form["Input.Password"] = AppFactory.AdminPassword;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Account/Lockout", response.Headers.Location!.ToString());
    }
}
