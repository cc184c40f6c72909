using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AnonymousBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task StudyAnonymously_ThenRegister_KeepsTheSessionAndReviews()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/study/security");
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.Locator("[data-testid=add-to-review]")).ToContainTextAsync("In review");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("2 / 8");

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-testid=continue-card]").First).ToContainTextAsync("Question 2 of 8");

        var email = $"learner-{Guid.NewGuid():N}@example.test";
        await page.GotoAsync("/Account/Register");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync("Flash-Cards-4-Ever!");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("Flash-Cards-4-Ever!");
        await page.Locator("button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(email);

        await page.GotoAsync("/sessions");
        await Assertions.Expect(page.Locator("[data-testid=session]").First).ToContainTextAsync("1 of 8 answered");
        await page.GotoAsync("/review");
        await Assertions.Expect(page.Locator("[data-testid=review-card]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
