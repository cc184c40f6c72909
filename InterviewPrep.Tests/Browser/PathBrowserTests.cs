using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>A learning path followed in a real browser: enrolling, coming back where the learner was, and a milestone mastered.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PathBrowserTests(BrowserFixture browser)
{
    private const string CompanyPath = "/paths/big-tech-coding-and-design-loop";

    [Fact]
    public async Task EnrollingInACompanyPath_ThreeQuestionsIn_AReloadAndContinueLandOnTheFourth()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(CompanyPath);
        var study = page.Locator("[data-testid=path-study]");
        await Assertions.Expect(study).ToContainTextAsync("Start this path");
        await study.ClickAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("4 / 14");
        var fourth = await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id");

        await page.ReloadAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        Assert.Equal(fourth, await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id"));

        // The path's page counts the learner in, and its button continues at the same question.
        await page.GotoAsync(CompanyPath);
        await Assertions.Expect(page.Locator("[data-testid=path-progress]")).ToHaveAttributeAsync("data-enrolled", "true");
        await Assertions.Expect(page.Locator("[data-testid=path-position]")).ToHaveTextAsync("question 4 of 14");
        await Assertions.Expect(study).ToContainTextAsync("Continue");
        await study.ClickAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("4 / 14");
        Assert.Equal(fourth, await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id"));

        // The catalog lists it among the learner's paths.
        await page.GotoAsync("/paths");
        await Assertions.Expect(page.Locator("[data-testid=my-path][data-path-id=big-tech-coding-and-design-loop]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MasteringTheFirstMilestone_OpensTheNext_AndTheLearnerCanRateThePath()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/paths/web-security-skill-path");
        await page.Locator("[data-testid=path-study]").ClickAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();

        // The first milestone has five questions: each recalled well.
        for (var i = 1; i <= 5; i++)
        {
            await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync($"{i} / 10");
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("3");
            await Assertions.Expect(page.Locator("[data-testid=self-grade-status]")).ToContainTextAsync("Graded Good");
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await page.GotoAsync("/paths/web-security-skill-path");
        var milestones = page.Locator("[data-testid=milestone-progress]");
        await Assertions.Expect(milestones.Nth(0)).ToHaveAttributeAsync("data-state", "complete");
        await Assertions.Expect(milestones.Nth(1)).ToHaveAttributeAsync("data-state", "open");
        await Assertions.Expect(page.Locator("[data-testid=path-mastered]")).ToContainTextAsync("5 of 10");

        await page.Locator("[data-testid=rate-5]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rate-5]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("[data-testid=path-rating-all]")).ToContainTextAsync("of 5");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ALearnerBuildsTheirOwnPath_FromBookmarksAndASearch_AndStudiesIt_OthersCannotSeeIt()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/study/security");
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await page.Keyboard.PressAsync("b");
        await Assertions.Expect(page.Locator("button[data-testid=bookmark]")).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GotoAsync("/paths");
        await page.Locator("[data-testid=own-path-new]").ClickAsync();
        await page.WaitForURLAsync("**/paths/mine/new");
        await BrowserPages.WaitForPageAsync(page);
        await page.Locator("input[data-testid=own-path-title]").FillAsync("Security, my way");
        await page.Locator("[data-testid=path-picker-bookmarks]").ClickAsync();
        var questions = page.Locator("[data-testid=path-editor-question]");
        await Assertions.Expect(questions).ToHaveCountAsync(1);
        await page.Locator("input[data-testid=path-picker-search]").FillAsync("index");
        await page.Locator("[data-testid=path-picker-go]").ClickAsync();
        await page.Locator("[data-testid=path-picker-add]:not([disabled])").First.ClickAsync();
        await Assertions.Expect(questions).ToHaveCountAsync(2);
        await page.Locator("[data-testid=own-path-save]").ClickAsync();

        await page.WaitForURLAsync("**/paths/my-security-my-way-*");
        var url = page.Url;
        await Assertions.Expect(page.Locator("[data-testid=path-mastered]")).ToContainTextAsync("0 of 2");
        await page.Locator("[data-testid=path-study]").ClickAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("1 / 2");

        // Another visitor finds nothing there.
        var other = await browser.NewPageAsync();
        var response = await other.GotoAsync(url);
        Assert.Equal(404, response!.Status);
        await other.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
