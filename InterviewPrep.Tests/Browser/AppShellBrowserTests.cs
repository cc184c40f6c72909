using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>What only a browser shows: the interactive shell, signing in, the remembered theme, a phone's width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AppShellBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_ListsTheChannels_AndACardOpensItsChannel()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        // Other browser tests add questions of their own channel to the same app: look for the starter ones.
        foreach (var channel in new[] { "algorithms", "networking", "system-design", "dotnet", "frontend", "databases", "devops", "security" })
        {
            await Assertions.Expect(page.Locator($"[data-testid=channel-card][data-channel={channel}]")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fundamentals" })).ToBeVisibleAsync();
        Assert.Equal("channels/algorithms", await page.Locator("[data-channel=algorithms]").GetAttributeAsync("href"));
        Assert.Contains("8 questions", await page.Locator("[data-channel=algorithms]").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_SignsIn_AndSeesTheAdminEntry()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserPages.WaitForPageAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=nav-admin]")).ToHaveCountAsync(0);

        await page.Locator("[data-testid=sign-in]").ClickAsync();
        await page.Locator("input[name='Input.Email']").FillAsync(AppFactory.AdminEmail);
        await page.Locator("input[name='Input.Password']").FillAsync(AppFactory.AdminPassword);
        await page.Locator("button[type=submit]").First.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(AppFactory.AdminEmail);
        await Assertions.Expect(page.Locator("[data-testid=nav-admin]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DarkModeToggle_SwitchesTheTheme_AndSurvivesAReload()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserPages.WaitForPageAsync(page);
        await Assertions.Expect(page.Locator(".mud-layout.theme-light")).ToHaveCountAsync(1);
        var lightBackground = await BackgroundAsync(page);

        await page.Locator("[data-testid=theme-toggle]").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-layout.theme-dark")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("body.theme-dark")).ToHaveCountAsync(1);
        Assert.NotEqual(lightBackground, await BackgroundAsync(page));

        await page.ReloadAsync();

        await Assertions.Expect(page.Locator(".mud-layout.theme-dark")).ToHaveCountAsync(1);
        await BrowserPages.WaitForPageAsync(page);
        await Assertions.Expect(page.Locator(".mud-layout.theme-dark")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhone_ThePageFitsTheScreenWidth()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 375, Height = 740 });
        await page.GotoAsync("/");
        await BrowserPages.WaitForPageAsync(page);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");
        await Assertions.Expect(page.Locator("[data-testid=theme-toggle]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
}
