using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>Channel and company filters: beside the list on a desktop; one button and a bottom sheet on a phone, so the first question is on the first screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FiltersSheetBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/channels/algorithms", false)]
    [InlineData("/channels/algorithms", true)]
    [InlineData("/companies/google", false)]
    public async Task OnAPhone_TheFiltersAreAButtonAndASheet(string path, bool dark)
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, touch: true);
        await page.Context.AddCookiesAsync([new Cookie { Name = "ip-theme", Value = dark ? "dark" : "light", Url = browser.BaseAddress.ToString() }]);
        await page.GotoAsync(path);
        await BrowserPages.WaitForPageAsync(page);

        await Assertions.Expect(page.GetByTestId("filters")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("filters-button")).ToHaveTextAsync("Filters");
        var first = (await page.GetByTestId("question-item").First.BoundingBoxAsync())!;
        Assert.True(first.Y + 20 < 844, $"the first question starts at {first.Y}px, below the first screen");

        await page.GetByTestId("filters-button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=filters]:popover-open")).ToBeVisibleAsync();
        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("filters")).ToBeHiddenAsync();

        // A filter chosen in the sheet applies, and the button says one is on.
        await page.GetByTestId("filters-button").ClickAsync();
        await page.GetByTestId("filters").Locator("a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("filters-button")).ToHaveTextAsync("Filters (1)");
        await BrowserPages.AssertNothingWiderThanTheScreenAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnADesktop_TheFiltersStayBesideTheList()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1280, Height = 800 });
        await page.GotoAsync("/channels/algorithms");

        await Assertions.Expect(page.GetByTestId("filters")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("filters-button")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("filters").Locator("h3").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
