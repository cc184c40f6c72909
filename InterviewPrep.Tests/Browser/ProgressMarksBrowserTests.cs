using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Study;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>A returning learner's marks and due badge in a browser, light and dark, on a phone: readable and axe-clean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressMarksBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MarksAndTheDueBadge_AreAccessible_OnAPhone(bool dark)
    {
        // A learner of its own: other tests share this app and the admin's review queue.
        var email = $"marks-{(dark ? "dark" : "light")}@example.test";
        const string Password = "Quiet-Harbour-73-Lamp";
        var learnerId = await BrowserPages.CreateLearnerAsync(browser, email, Password);

        var study = browser.App.Services.GetRequiredService<StudyService>();
        await study.RecordStudiedAsync(learnerId, "ip-db-003");
        await study.SetBookmarkAsync(learnerId, "ip-db-003", true);
        await browser.App.Services.GetRequiredService<ReviewService>().AddAsync(learnerId, "ip-db-004");

        var page = await BrowserPages.SignedInAsync(browser, email, Password, dark, new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/channels/databases");
        await BrowserPages.WaitForPageAsync(page);
        await Assertions.Expect(page.GetByTestId("question-mark").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("progress-filter")).ToBeVisibleAsync();

        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
