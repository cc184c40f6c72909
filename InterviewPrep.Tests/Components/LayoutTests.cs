using Bunit;
using Bunit.TestDoubles;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Components.Layout;
using InterviewPrep.Web.Features.Appearance;
using Microsoft.AspNetCore.Components;
using InterviewPrep.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InterviewPrep.Tests.Components;

public sealed class LayoutTests
{
    [Fact]
    public async Task NavMenu_ShowsAdmin_OnlyToAdmins()
    {
        BunitAuthorizationContext auth = null!;
        await using var db = await TestDatabase.CreateAsync();
        await using var ctx = ComponentTestContext.Create(c =>
        {
            auth = c.AddAuthorization();
            c.Services.AddSingleton(db.ReviewService()); // the due badge
        });
        auth.SetAuthorized("learner@example.test").SetRoles(Roles.Learner);

        var nav = ctx.Render<NavMenu>();
        Assert.Empty(nav.FindAll("[data-testid=nav-admin]"));
        foreach (var entry in new[] { "Home", "Channels", "Review", "Certifications", "Learning paths", "Voice" })
        {
            Assert.Contains(entry, nav.Markup);
        }

        auth.SetRoles(Roles.Admin);
        nav.Render();
        Assert.Single(nav.FindAll("[data-testid=nav-admin]"));
    }

    [Fact]
    public async Task UserMenu_OffersSignIn_ToVisitors_AndSignOut_ToUsers()
    {
        BunitAuthorizationContext auth = null!;
        await using var ctx = ComponentTestContext.Create(c => auth = c.AddAuthorization());

        var anonymous = ctx.Render<UserMenu>();
        Assert.Single(anonymous.FindAll("[data-testid=sign-in]"));
        Assert.Contains("Register", anonymous.Markup);

        auth.SetAuthorized("ada@example.test");
        var signedIn = ctx.Render<UserMenu>();
        Assert.Contains("ada@example.test", signedIn.Find("[data-testid=signed-in-user]").TextContent);
        Assert.Equal("Account/Logout", signedIn.Find("form").GetAttribute("action"));
    }

    [Fact]
    public async Task MainLayout_StartsInTheRequestedTheme_AndTheToggleRemembersTheChoice()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var ctx = ComponentTestContext.Create(c =>
        {
            c.AddAuthorization();
            c.Services.AddSingleton(db.SettingsService());
            c.Services.AddSingleton(db.ReviewService());
        });
        var module = ctx.JSInterop.SetupModule(ThemePreference.JsModule);
        module.SetupVoid("setTheme", _ => true);
        module.Setup<string?>("timeZone").SetResult("Asia/Tokyo");
        module.Setup<bool?>("systemDark").SetResult(null); // the visitor has chosen

        var layout = ctx.Render<CascadingValue<bool>>(p => p
            .Add(c => c.Name, ThemePreference.CascadeName)
            .Add(c => c.Value, false)
            .AddChildContent<CascadingValue<string>>(anon => anon
                .Add(c => c.Name, AnonymousLearner.CascadeName)
                .Add(c => c.Value, "anon-layout")
                .AddChildContent<MainLayout>(l => l.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))))));

        // The browser's time zone becomes the learner's, so their days begin at their midnight.
        layout.WaitForAssertion(() => Assert.Equal("Asia/Tokyo", db.SettingsService().GetAsync("anon-layout").Result.TimeZoneId));

        Assert.Contains("page body", layout.Markup);
        Assert.NotNull(layout.Find(".mud-layout.theme-light"));

        await layout.Find("[data-testid=theme-toggle]").ClickAsync(new());

        Assert.NotNull(layout.Find(".mud-layout.theme-dark"));
        Assert.Equal(true, module.Invocations["setTheme"].Single().Arguments.Single());
    }
}
