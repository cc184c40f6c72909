using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>The monitoring page in a real browser: its charts drawn, the JSON columns measured once interactive, axe-clean on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheMonitoringPage_DrawsItsCharts_AndMeasuresTheJsonColumns()
    {
        var page = await BrowserPages.SignedInAdminAsync(browser, false, null);
        await page.GotoAsync("/admin/monitoring");
        await BrowserPages.WaitForPageAsync(page);

        await Assertions.Expect(page.GetByTestId("json-sizes")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("json-sizes").Locator("tbody tr").First).ToBeVisibleAsync();
        Assert.Contains("questions.tags", await page.GetByTestId("json-sizes").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        // A chart for the query times, one for each growing table, and the bots'.
        Assert.True(await page.Locator("[data-testid=monitoring] svg").CountAsync() >= 5);
        await Assertions.Expect(page.GetByTestId("query-times")).ToContainTextAsync("Last hour");

        await page.GetByTestId("monitoring-refresh").ClickAsync();
        await Assertions.Expect(page.GetByTestId("json-sizes")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheMonitoringPage_HasNoSeriousAccessibilityViolations_AndFitsAPhone(bool dark)
    {
        var page = await BrowserPages.SignedInAdminAsync(browser, dark, new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/admin/monitoring");
        await BrowserPages.WaitForPageAsync(page);
        await Assertions.Expect(page.GetByTestId("json-sizes")).ToBeVisibleAsync();

        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await BrowserPages.AssertNothingWiderThanTheScreenAsync(page);
        await page.Context.CloseAsync();
    }
}
