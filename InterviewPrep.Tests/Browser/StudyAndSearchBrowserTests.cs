using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StudyAndSearchBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AfterAMouseClickOnAButton_SpaceRevealsTheAnswer_AndATabbedButtonStillTakesSpace()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/study/databases?at=3");
        await BrowserPages.WaitForPageAsync(page);
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("3 / 8");

        var bookmark = page.Locator("[data-testid=bookmark]");
        await bookmark.ClickAsync(); // the mouse leaves the focus on the bookmark button
        await Assertions.Expect(bookmark).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(bookmark).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToBeVisibleAsync();
        await Assertions.Expect(bookmark).ToHaveAttributeAsync("aria-pressed", "true"); // not pressed again

        // A keyboard user who moved to a button presses it with Space.
        await page.Locator("[data-testid=add-to-review]").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(bookmark).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(bookmark).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StudyMode_WithTheKeyboard_RevealsMovesAndKeepsTheUrlOnTheQuestion()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/channels/databases");
        await page.Locator("[data-testid=study]").ClickAsync();
        await BrowserPages.WaitForPageAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("1 / 8");
        // The keys listen once the page's script has attached.
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        var first = await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id");

        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("2 / 8");
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToHaveCountAsync(0);
        var second = await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id");
        Assert.NotEqual(first, second);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"study/databases\\?question={second}$"));

        // The URL names the question: a reload opens the same one.
        await page.ReloadAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("2 / 8");
        await page.Locator("[data-testid=previous]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("1 / 8");

        // Quick presses each count.
        for (var i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("6 / 8");
        await page.Locator("[data-testid=previous]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("5 / 8");
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft");
        }

        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("1 / 8");
        Assert.Equal(first, await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id"));

        // The help is a modal dialog over the question; Escape closes it and gives the focus back.
        await page.Keyboard.PressAsync("Shift+Slash");
        await Assertions.Expect(page.Locator("[data-testid=keyboard-help]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dialog[data-testid=keyboard-help]:modal")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=keyboard-help]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=help-button]")).ToBeFocusedAsync();

        // The first question was answered in this session, so it shows its answer; the third was not.
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=next]").ClickAsync();
        await page.Locator("[data-testid=next]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("3 / 8");

        // Typing in the recall box is text, not shortcuts; Escape leaves the box and the keys work again.
        await page.Locator("[data-testid=recall]").FillAsync("B-trees keep keys sorted");
        await page.Locator("[data-testid=recall]").PressAsync("Space");
        await page.Locator("[data-testid=recall]").PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("3 / 8");
        await page.Locator("[data-testid=recall]").PressAsync("Escape");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToBeFocusedAsync();
        // This question was answered in this session, so it comes back answered; take the next one.
        await page.ReloadAsync();
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=next]").ClickAsync();
        await page.Locator("[data-testid=recall]").FillAsync("B-trees keep keys sorted");
        await page.Locator("[data-testid=reveal]").ClickAsync();
        await Assertions.Expect(page.Locator(".recall-echo")).ToContainTextAsync("B-trees keep keys sorted");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SearchFromTheAppBar_SuggestsAsYouType_AndOpensTheQuestion()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        // The home page is server-rendered: its scripts run the search box.
        await BrowserPages.WaitForPageAsync(page);
        await page.Keyboard.PressAsync("Control+k");
        await Assertions.Expect(page.Locator("[data-testid=app-search]")).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("load bal");
        var suggestion = page.Locator(".app-search-suggestions [role=option]").First;
        await Assertions.Expect(suggestion).ToContainTextAsync("load");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("[data-testid=app-search]")).ToHaveAttributeAsync("aria-activedescendant", "app-search-option-0");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/questions/"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("oad balanc");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SearchPage_FromTheAppBarForm_ListsHighlightedResults()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserPages.WaitForPageAsync(page);
        await page.Locator("[data-testid=app-search]").FillAsync("index");
        await page.Locator("[data-testid=app-search]").PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-testid=search-hit]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=search-hit] mark").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
