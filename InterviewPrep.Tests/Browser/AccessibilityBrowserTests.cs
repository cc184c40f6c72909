using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>axe-core finds no serious or critical violation on the learner's main pages, light or dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string, bool> Pages => new()
    {
        { "/", false }, { "/", true },
        { "/channels", false }, { "/channels", true },
        { "/certifications", false }, { "/certifications", true },
        { "/certifications/cloud-architecture-foundations", false }, { "/certifications/cloud-architecture-foundations", true },
        { "/paths", false }, { "/paths", true },
        { "/paths/big-tech-coding-and-design-loop", false }, { "/paths/big-tech-coding-and-design-loop", true },
        { "/paths/mine/new", false }, { "/paths/mine/new", true },
        { "/channels/databases", false }, { "/channels/databases", true },
        { "/questions/ip-sd-001", false }, { "/questions/ip-sd-001", true },
        { "/search?q=index", false }, { "/search?q=index", true },
        { "/search", false }, { "/search", true },
        { "/companies", false }, { "/companies", true },
        { "/companies/google", false }, { "/companies/google", true },
        { "/search?q=the+data+you+work+with", false }, { "/search?q=the+data+you+work+with", true },
        { "/Account/Login", false }, { "/Account/Login", true },
        { "/study/databases", false }, { "/study/databases", true },
        { "/review", false }, { "/review", true },
        { "/dashboard", false }, { "/dashboard", true },
        { "/notes", false }, { "/notes", true },
        { "/settings", false }, { "/settings", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousAccessibilityViolations(string path, bool dark)
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "ip-theme", Value = dark ? "dark" : "light", Url = browser.BaseAddress.ToString() }]);
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(dark ? "body.theme-dark" : "body.theme-light")).ToHaveCountAsync(1);

        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PhoneHeader_WithTheAccountMenuOpen_HasNoSeriousAccessibilityViolations(bool dark)
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.Context.AddCookiesAsync([new Cookie { Name = "ip-theme", Value = dark ? "dark" : "light", Url = browser.BaseAddress.ToString() }]);
        await page.GotoAsync("/");
        await BrowserPages.WaitForPageAsync(page);
        await page.Locator("[data-testid=account-menu]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=account-menu-list]")).ToBeVisibleAsync();

        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
