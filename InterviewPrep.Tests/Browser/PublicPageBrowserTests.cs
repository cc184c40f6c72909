using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>Server-rendered public pages, as a first-time visitor's browser gets them (perhaps from the cache).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AFirstVisitToAQuestion_GetsTheBookmarkAndNote_AndBothWork()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/ip-ops-004");

        await page.Locator("[data-testid=question-bookmark]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=question-bookmark]")).ToContainTextAsync("Bookmarked");
        await page.Locator("#question-note").FillAsync("Canary first, then the rest.");
        await page.Locator("[data-testid=question-note-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=question-note-status]")).ToContainTextAsync("Note saved");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=question-bookmark]")).ToContainTextAsync("Bookmarked");
        await Assertions.Expect(page.Locator("#question-note")).ToHaveValueAsync("Canary first, then the rest.");
        Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "ip-learner");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ChannelsFilter_HidesWhatDoesNotMatch_AsYouType()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/channels");
        await BrowserPages.WaitForPageAsync(page);

        await page.Locator("[data-testid=channel-filter]").FillAsync(".NET");

        await Assertions.Expect(page.Locator("[data-testid=channel-card]:visible")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=channel-card]:visible")).ToHaveAttributeAsync("data-channel", "dotnet");
        await page.Locator("[data-testid=channel-filter]").FillAsync("no channel has this name");
        await Assertions.Expect(page.Locator("[data-channel-filter-empty]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheDrawerToggle_ClosesAndOpensTheNavigation_OnAServerRenderedPage()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserPages.WaitForPageAsync(page);
        var drawer = page.Locator(".mud-drawer");
        await Assertions.Expect(drawer).ToBeVisibleAsync();

        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await toggle.ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
        await toggle.ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await page.Context.CloseAsync();
    }
}
