using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ResumeBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task StudyThreeQuestions_LeaveAndComeBack_LandsOnTheSameQuestion()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(AppFactory.AdminEmail);
        await page.Locator("input[name='Input.Password']").FillAsync(AppFactory.AdminPassword);
        await page.Locator("button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToBeVisibleAsync();

        await page.GotoAsync("/study/devops");
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.Locator("[data-testid=answer]")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync($"{i + 2} / 8");
        }

        var fourth = await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id");

        // Starting the same activity again, without the question in the URL, resumes at the fourth.
        await page.GotoAsync("/study/devops");
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("4 / 8");

        // And the home page offers it, with its progress.
        await page.GotoAsync("/");
        var card = page.Locator("[data-testid=continue-card]").First;
        await Assertions.Expect(card).ToContainTextAsync("Question 4 of 8");
        await Assertions.Expect(card).ToContainTextAsync("3 answered");
        await card.ClickAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        Assert.Equal(fourth, await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id"));

        // An answered question shows its answer again.
        await page.Locator("[data-testid=previous]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToBeVisibleAsync();

        // The dashboard counts the day and the channel.
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator("[data-testid=streak]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=channel-progress-list]")).ToContainTextAsync("3 of 8 studied"); // three answers revealed; the fourth was only viewed
        await page.Context.CloseAsync();
    }
}
