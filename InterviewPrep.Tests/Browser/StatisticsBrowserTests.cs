using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Study;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>A returning learner's statistics on a phone, light and dark: every chart drawn, its figures in a table, nothing off the screen, axe-clean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheDashboardsCharts_AreReadable_OnAPhone(bool dark)
    {
        const string Password = "Quiet-Harbour-73-Lamp";
        var email = $"statistics-{(dark ? "dark" : "light")}@example.test";
        var learnerId = await BrowserPages.CreateLearnerAsync(browser, email, Password);
        await browser.App.Services.GetRequiredService<StudyService>().RecordStudiedAsync(learnerId, "ip-db-001");
        var reviews = browser.App.Services.GetRequiredService<ReviewService>();
        await reviews.AddAsync(learnerId, "ip-db-002");
        await reviews.AddAsync(learnerId, "ip-db-003");
        await reviews.GradeAsync(learnerId, "ip-db-002", Grade.Easy, TimeSpan.FromSeconds(20));
        // Learned, then forgotten: the hardest question.
        await reviews.GradeAsync(learnerId, "ip-db-003", Grade.Easy, TimeSpan.FromSeconds(20));
        await reviews.GradeAsync(learnerId, "ip-db-003", Grade.Again, TimeSpan.FromSeconds(20));

        var page = await BrowserPages.SignedInAsync(browser, email, Password, dark, new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/dashboard");
        await BrowserPages.WaitForPageAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=activity-year] rect.level-0").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=activity-year] rect:not(.level-0)")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("forecast").Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("grades").Locator("svg").First).ToBeVisibleAsync();
        await page.GetByTestId("grades").GetByText("Show as a table").ClickAsync();
        // Today's row: one Again and two Easy.
        await Assertions.Expect(page.GetByTestId("grades").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("grades").Locator("tbody tr td")).ToHaveTextAsync(["1", "0", "0", "2"]);
        await Assertions.Expect(page.GetByTestId("card-states")).ToContainTextAsync("Relearning");
        await Assertions.Expect(page.GetByTestId("hardest").Locator("a")).ToHaveCountAsync(1);

        await BrowserPages.AssertNothingWiderThanTheScreenAsync(page);
        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
