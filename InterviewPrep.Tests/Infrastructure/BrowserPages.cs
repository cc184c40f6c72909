using Deque.AxeCore.Playwright;
using InterviewPrep.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Infrastructure;

public static class BrowserPages
{
    /// <summary>A new page signed in as the test app's admin, in the light or dark theme, optionally at a viewport size.</summary>
    public static Task<IPage> SignedInAdminAsync(BrowserFixture browser, bool dark = false, ViewportSize? viewport = null) =>
        SignedInAsync(browser, AppFactory.AdminEmail, AppFactory.AdminPassword, dark, viewport);

    /// <summary>A page signed in as this account (which must exist), in the light or dark theme.</summary>
    public static async Task<IPage> SignedInAsync(BrowserFixture browser, string email, string password, bool dark = false, ViewportSize? viewport = null)
    {
        var page = await browser.NewPageAsync(viewport);
        await page.Context.AddCookiesAsync([new Cookie { Name = "ip-theme", Value = dark ? "dark" : "light", Url = browser.BaseAddress.ToString() }]);
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("button[type=submit]").First.ClickAsync();
        // Attached, not visible: on a phone the header keeps the user's name in its menu.
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToBeAttachedAsync();
        return page;
    }

    /// <summary>
    /// A learner account of the test's own, signed in to nothing yet: tests share the browser app, and
    /// the admin's progress with it. Returns the learner's id.
    /// </summary>
    public static async Task<string> CreateLearnerAsync(BrowserFixture browser, string email, string password)
    {
        using var scope = browser.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true }, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return (await users.FindByEmailAsync(email))!.Id;
    }

    /// <summary>
    /// Fails when an element reaches past the screen's right edge, other than inside a box that scrolls
    /// (or clips) sideways of its own: code, tables, charts and admin grids do, the page must not.
    /// </summary>
    public static async Task AssertNothingWiderThanTheScreenAsync(IPage page)
    {
        var wide = await page.EvaluateAsync<string[]>("""
            () => {
                const inScroller = e => {
                    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        if (getComputedStyle(p).overflowX !== 'visible') return true;
                    }
                    return false;
                };
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !inScroller(e))
                    .map(e => e.tagName + '.' + String(e.className).slice(0, 40));
            }
            """);
        Assert.True(wide.Length == 0, "the page scrolls sideways: " + string.Join(", ", wide.Take(5)));
    }

    /// <summary>
    /// Waits until the page's controls work: its circuit is up on an interactive page, or its scripts
    /// have run on a server-rendered one (js/static-layout.js marks the layout).
    /// </summary>
    public static Task WaitForPageAsync(IPage page) =>
        page.Locator(".mud-layout[data-interactive], .mud-layout[data-static-ready]").First
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Runs axe-core on the page once its transitions have ended (a colour read half-way through a button's
    /// fade is neither colour), and fails with every serious or critical violation it finds.
    /// </summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.EvaluateAsync("""
            () => Promise.race([
                Promise.all(document.getAnimations()
                    .filter(a => a.effect?.getComputedTiming().endTime !== Infinity)
                    .map(a => a.finished.catch(() => {}))),
                new Promise(resolve => setTimeout(resolve, 2000)),
            ])
            """);
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
