using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>
/// Study mode as it reads: the question stays in view when the answer opens and (on a wide screen)
/// while a long answer scrolls; a phone gives the question the full width; tables scroll in their own
/// box; the help is a modal dialog; the last question ends with a summary.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudyLayoutBrowserTests(BrowserFixture browser)
{
    private const string Question = "study/algorithms?question=ip-algo-001";

    [Fact]
    public async Task OnAWideScreen_TheQuestionStaysAtTheTop_WhileALongAnswerScrolls()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1280, Height = 800 });
        await page.GotoAsync(Question);
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();

        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToBeFocusedAsync();
        // Opening the answer leaves the page where it was, and draws no outline round the answer.
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        Assert.Equal("none", await page.Locator("[data-testid=answer]").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));

        await page.Mouse.WheelAsync(0, 1500);
        await page.WaitForFunctionAsync("() => window.scrollY > 1000");
        var question = await page.Locator(".study-question").BoundingBoxAsync();
        var bar = await page.Locator(".mud-appbar").BoundingBoxAsync();
        Assert.NotNull(question);
        Assert.InRange(question.Y, bar!.Height - 1, bar.Height + 40);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OnAPhone_TheQuestionHasTheFullWidth_TablesScrollInTheirBox_AndTheHelpIsADialog(bool dark)
    {
        const string Password = "Quiet-Harbour-73-Lamp";
        var email = $"study-layout-{(dark ? "dark" : "light")}@example.test";
        await BrowserPages.CreateLearnerAsync(browser, email, Password);
        var page = await BrowserPages.SignedInAsync(browser, email, Password, dark, new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync(Question);
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("bookmark")).ToBeVisibleAsync();

        // The actions sit in a bar under the question, which keeps the card's full width.
        var question = (await page.Locator(".study-question").BoundingBoxAsync())!;
        var actions = (await page.Locator(".study-actions").BoundingBoxAsync())!;
        var card = (await page.Locator(".study-card").BoundingBoxAsync())!;
        Assert.True(actions.Y >= question.Y + question.Height - 1, "the actions are beside the question, not under it");
        Assert.InRange(question.Width, card.Width - 2, card.Width + 1);

        await page.GetByTestId("reveal").ClickAsync();
        var table = page.Locator("[data-testid=answer] .content-table").First;
        await Assertions.Expect(table).ToBeVisibleAsync();
        // Words stay whole (a table too wide for them scrolls in its box, which the keyboard can reach); the page never scrolls sideways.
        Assert.Equal("normal", await table.Locator("td").First.EvaluateAsync<string>("e => getComputedStyle(e).overflowWrap"));
        Assert.Equal(("auto", "0"), (await table.EvaluateAsync<string>("e => getComputedStyle(e).overflowX"), await table.GetAttributeAsync("tabindex")));
        await BrowserPages.AssertNothingWiderThanTheScreenAsync(page);
        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.GetByTestId("help-button").ClickAsync();
        await Assertions.Expect(page.Locator("dialog[data-testid=keyboard-help]:modal")).ToBeVisibleAsync();
        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.GetByTestId("close-help").ClickAsync();
        await Assertions.Expect(page.GetByTestId("keyboard-help")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLastQuestion_EndsWithASummary_NotADisabledNext()
    {
        const string Password = "Quiet-Harbour-73-Lamp";
        await BrowserPages.CreateLearnerAsync(browser, "study-summary@example.test", Password);
        var page = await BrowserPages.SignedInAsync(browser, "study-summary@example.test", Password, viewport: new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("study/algorithms?at=8");
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("study-progress")).ToHaveTextAsync("8 / 8");
        await Assertions.Expect(page.GetByTestId("next")).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("3");
        await Assertions.Expect(page.GetByTestId("self-grade-status")).Not.ToBeEmptyAsync();
        await page.GetByTestId("finish").ClickAsync();

        await Assertions.Expect(page.GetByTestId("session-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("summary-answered")).ToContainTextAsync("1of 8 answered");
        await Assertions.Expect(page.GetByTestId("summary-remembered")).ToContainTextAsync("100%");
        await BrowserPages.AssertNothingWiderThanTheScreenAsync(page);
        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
