using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReviewBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AQuestionAddedInStudy_IsReviewedWithTheKeyboard()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(AppFactory.AdminEmail);
        await page.Locator("input[name='Input.Password']").FillAsync(AppFactory.AdminPassword);
        await page.Locator("button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToBeVisibleAsync();

        await page.GotoAsync("/study/networking");
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.Locator("[data-testid=add-to-review]")).ToContainTextAsync("In review");
        var question = await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id");

        await page.GotoAsync("/review");
        await page.Locator("[data-testid=review-card][data-keys=ready]").WaitForAsync();
        Assert.Equal(question, await page.Locator("[data-testid=review-card]").GetAttributeAsync("data-question-id"));
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-testid=grade-3]")).ToContainTextAsync("10m");
        await Assertions.Expect(page.Locator("[data-testid=grade-4]")).ToContainTextAsync("d");
        await page.Keyboard.PressAsync("4");

        await Assertions.Expect(page.Locator("[data-testid=review-done]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=forecast]")).ToBeVisibleAsync();

        // The day's reviews were a session: it is listed, done.
        await page.GotoAsync("/sessions");
        await Assertions.Expect(page.Locator("[data-testid=session]", new() { HasText = "Review" }).First).ToContainTextAsync("1 of 1");
        await page.Context.CloseAsync();
    }
}
