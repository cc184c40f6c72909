using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>Progress survives the server going away: a second server on the same database resumes at the same item.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RestartBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task StudyThenRestartTheServer_ResumesAtTheSameQuestion()
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync(); // skips or fails with the reason
        }

        var folder = Directory.CreateTempSubdirectory("interviewprep-restart-").FullName;
        var database = Path.Combine(folder, "restart.db");
        var context = await browser.Browser!.NewContextAsync();
        string? third;
        await using (var first = new AppFactory(kestrel: true, database: database))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(first.ServerAddress, "study/frontend").ToString());
            await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
            await page.Keyboard.PressAsync("ArrowRight");
            await page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("3 / 8");
            third = await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id");
            await page.CloseAsync();
        }

        await using (var second = new AppFactory(kestrel: true, database: database))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(second.ServerAddress, "study/frontend").ToString());
            await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
            await Assertions.Expect(page.Locator("[data-testid=study-progress]")).ToHaveTextAsync("3 / 8");
            Assert.Equal(third, await page.Locator("[data-testid=study]").GetAttributeAsync("data-question-id"));
        }

        await context.CloseAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
