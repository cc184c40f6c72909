using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>The theme follows the visitor's system until they choose one; their choice wins after that.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeBrowserTests(BrowserFixture browser)
{
    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    [Fact]
    public async Task FirstVisit_SystemPrefersDark_IsDarkUntilTheVisitorChoosesLight()
    {
        var page = await browser.NewPageAsync(colorScheme: ColorScheme.Dark);
        // Every theme the page shows before the circuit starts, and after.
        await page.AddInitScriptAsync("""
            window.__themes = [];
            new MutationObserver(() => {
                const layout = document.querySelector('.mud-layout');
                if (layout && document.body) window.__themes.push(document.body.className + '|' + layout.className);
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
            """);

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("body.theme-dark .mud-layout.theme-dark")).ToHaveCountAsync(1);
        await BrowserPages.WaitForPageAsync(page);
        await Assertions.Expect(page.Locator("body.theme-dark .mud-layout.theme-dark")).ToHaveCountAsync(1);
        Assert.Equal("rgb(17, 22, 30)", await BackgroundAsync(page));
        var themes = await page.EvaluateAsync<string[]>("window.__themes");
        Assert.DoesNotContain(themes, t => t.Contains("theme-light", StringComparison.Ordinal));

        // Identity pages render on the server without a circuit: dark too.
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.Locator("body.theme-dark")).ToHaveCountAsync(1);

        await page.GotoAsync("/");
        await BrowserPages.WaitForPageAsync(page);
        await page.Locator("[data-testid=theme-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator("body.theme-light .mud-layout.theme-light")).ToHaveCountAsync(1);

        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("body.theme-light .mud-layout.theme-light")).ToHaveCountAsync(1);
        await BrowserPages.WaitForPageAsync(page);
        await Assertions.Expect(page.Locator("body.theme-light .mud-layout.theme-light")).ToHaveCountAsync(1);
        Assert.Equal("rgb(246, 248, 251)", await BackgroundAsync(page));
        await page.Context.CloseAsync();
    }
}
