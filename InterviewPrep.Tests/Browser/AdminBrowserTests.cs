using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>The admin pages in a real browser: two admins on one question, and axe on every page, light and dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser)
{
    private async Task<IPage> SignedInAdminAsync(bool dark = false)
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "ip-theme", Value = dark ? "dark" : "light", Url = browser.BaseAddress.ToString() }]);
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(AppFactory.AdminEmail);
        await page.Locator("input[name='Input.Password']").FillAsync(AppFactory.AdminPassword);
        await page.Locator("button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToBeVisibleAsync();
        return page;
    }

    private static async Task OpenEditorAsync(IPage page, string id)
    {
        await page.GotoAsync($"/admin/questions/{id}");
        await BrowserPages.WaitForPageAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=revision]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TwoAdmins_EditTheSameQuestion_TheSecondSaveIsRefusedAndShowsTheFirst()
    {
        const string id = "admin-two-editors";
        await browser.App.SaveQuestionAsync(id);
        var ada = await SignedInAdminAsync();
        var bob = await SignedInAdminAsync();
        await OpenEditorAsync(ada, id);
        await OpenEditorAsync(bob, id);

        await ada.Locator("textarea[data-testid=field-answer]").FillAsync("Ada's answer.");
        await ada.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(ada.Locator("[data-testid=revision]")).ToHaveTextAsync("Revision 2");

        await bob.Locator("textarea[data-testid=field-tldr]").FillAsync("Bob's summary.");
        await bob.Locator("[data-testid=save]").ClickAsync();
        var conflict = bob.Locator("[data-testid=save-conflict]");
        await Assertions.Expect(conflict).ToContainTextAsync("changed after you opened it");
        await Assertions.Expect(conflict).ToContainTextAsync("answer");
        Assert.Equal(("Ada's answer.", (string?)null), await StoredAsync(id));

        // Bob keeps his change on purpose; Ada's answer is replaced by the form's, as he chose.
        await bob.Locator("[data-testid=conflict-overwrite]").ClickAsync();
        await Assertions.Expect(conflict).ToHaveCountAsync(0);
        await Assertions.Expect(bob.Locator("[data-testid=revision]")).ToHaveTextAsync("Revision 3");
        Assert.Equal(("An answer.", "Bob's summary."), await StoredAsync(id));

        await bob.GotoAsync($"/admin/questions/{id}/history");
        await Assertions.Expect(bob.Locator("[data-testid=history-event]")).ToHaveCountAsync(3);
        await Assertions.Expect(bob.Locator("[data-testid=diff-field][data-field=tldr] ins")).ToContainTextAsync("Bob's summary.");
        await ada.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    private async Task<(string Answer, string? Tldr)> StoredAsync(string id)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        var q = await db.Questions.AsNoTracking().SingleAsync(x => x.Id == id);
        return (q.Answer, q.Tldr);
    }

    public static TheoryData<string, bool> Pages => new()
    {
        { "/admin", false }, { "/admin", true },
        { "/admin/questions", false }, { "/admin/questions", true },
        { "/admin/questions/ip-db-001", false }, { "/admin/questions/ip-db-001", true },
        { "/admin/questions/new", false },
        { "/admin/questions/ip-db-001/history", false }, { "/admin/questions/ip-db-001/history", true },
        { "/admin/history", false }, { "/admin/history", true },
        { "/admin/users", false }, { "/admin/users", true },
        { "/admin/channels", false }, { "/admin/channels", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AdminPage_HasNoSeriousAccessibilityViolations(string path, bool dark)
    {
        var page = await SignedInAdminAsync(dark);
        await page.GotoAsync(path);
        await BrowserPages.WaitForPageAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The head is rendered again when the circuit attaches; the title is back once it has.
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Admin · InterviewPrep$"));

        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
