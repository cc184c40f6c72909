using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class NotesAndSettingsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task SelfGrade_Note_AndTheBrowsersTimeZone_ReachReviewNotesAndSettings()
    {
        var page = await browser.NewPageAsync(timeZone: "Asia/Tokyo");
        await page.GotoAsync("/study/frontend");
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        var question = await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id");

        // Reveal, then grade with the keyboard: the question joins review.
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=self-grade-status]")).ToContainTextAsync("Graded Good");

        // N opens the note with focus in it; moving on saves it.
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(page.Locator("[data-testid=note]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Virtual DOM: diff, then patch");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=note-status]")).ToHaveTextAsync("Saved");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("2 / 8");

        await page.GotoAsync("/notes");
        var note = page.Locator($"[data-testid=note-item][data-question-id='{question}']");
        await Assertions.Expect(note.Locator("[data-testid=note-text]")).ToHaveTextAsync("Virtual DOM: diff, then patch");

        // The question page shows the same note, and the review card.
        await page.GotoAsync($"/questions/{question}");
        await Assertions.Expect(page.Locator("#question-note")).ToHaveValueAsync("Virtual DOM: diff, then patch");
        await Assertions.Expect(page.Locator("[data-testid=question-review]")).ToContainTextAsync("In your review");

        // The first interactive page told the server the browser's time zone.
        await page.GotoAsync("/settings");
        await Assertions.Expect(page.Locator("input[data-testid=time-zone]")).ToHaveValueAsync("Asia/Tokyo");
        await Assertions.Expect(page.GetByText("Taken from your browser")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
