using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>A learning path studied in a real browser: its questions in order, and coming back where the learner was.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PathBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task StudyingAPath_ThreeQuestionsIn_ComingBackContinuesAtTheFourth()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/paths/web-security-skill-path");
        await page.Locator("[data-testid=path-study]").ClickAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("4 / 10");
        var fourth = await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id");

        // Back to the path's page, and in again from its button: the same session, the same question.
        await page.GotoAsync("/paths/web-security-skill-path");
        await page.Locator("[data-testid=path-study]").ClickAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("4 / 10");
        Assert.Equal(fourth, await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id"));
        await page.Context.CloseAsync();
    }
}
