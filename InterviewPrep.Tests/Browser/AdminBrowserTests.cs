using InterviewPrep.Data.Content;
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
    private Task<IPage> SignedInAdminAsync(bool dark = false) => BrowserPages.SignedInAdminAsync(browser, dark);

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

    [Fact]
    public async Task Graph_ALinkDraggedBetweenTwoQuestions_IsStoredWithHistory_AndALinkToItselfIsRefused()
    {
        foreach (var id in new[] { "graph-a", "graph-b", "graph-c" })
        {
            await browser.App.SaveQuestionAsync(id);
        }

        var links = browser.App.Services.GetRequiredService<RelationshipChangeService>();
        var seed = new ChangeSource(HistoryEventSources.Import, "graph-test");
        await links.AddAsync("graph-a", "graph-b", RelationshipTypes.Prerequisite, 80, seed);
        await links.AddAsync("graph-a", "graph-c", RelationshipTypes.Related, 40, seed);
        var page = await SignedInAdminAsync();
        await page.SetViewportSizeAsync(1400, 1100);
        await page.GotoAsync("/admin/graph?q=graph-a");
        await BrowserPages.WaitForPageAsync(page);
        // A link has its path once the canvas has measured the questions.
        await Assertions.Expect(page.Locator("g.diagram-link > path:not(.selection-helper)")).ToHaveCountAsync(2);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "the graph page scrolls sideways");
        await page.Locator("[data-testid=graph-canvas]").ScrollIntoViewIfNeededAsync();

        await DragAsync(page, page.Locator("[data-question-id=graph-b] .graph-port"), page.Locator("[data-question-id=graph-c]"));

        await Assertions.Expect(page.Locator("[data-testid=graph-link]")).ToHaveCountAsync(3);
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync())
        {
            var drawn = await db.QuestionRelationships.AsNoTracking().SingleAsync(r => r.SourceQuestionId == "graph-b");
            Assert.Equal(("graph-c", RelationshipTypes.Related, 50), (drawn.TargetQuestionId, drawn.RelationshipType, drawn.Strength));
            var history = await db.QuestionHistory.AsNoTracking().Where(h => h.QuestionId == "graph-b").OrderByDescending(h => h.Id).FirstAsync();
            Assert.Equal((HistoryEventTypes.RelationshipAdded, HistoryEventSources.Admin, AppFactory.AdminEmail),
                (history.EventType, history.EventSource, history.SourceName));
        }

        // Dropped back on its own question: refused, with the reason.
        var a = page.Locator("[data-question-id=graph-a]");
        await DragAsync(page, a.Locator(".graph-port"), a);
        await Assertions.Expect(page.Locator("[data-testid=graph-message]")).ToContainTextAsync("cannot be linked to itself");
        await Assertions.Expect(page.Locator("[data-testid=graph-link]")).ToHaveCountAsync(3);

        await page.Locator("[data-testid=graph-link]", new() { HasText = "graph-b" }).Last.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator("[data-testid=selected-remove]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=graph-link]")).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Import_AFileUploadedInTheBrowser_IsImported_AndTheReportShown()
    {
        var page = await SignedInAdminAsync();
        await page.GotoAsync("/admin/import");
        await BrowserPages.WaitForPageAsync(page);
        var json = """[{"id":"uploaded-1","question":"What does an upload import?","answer":"Rows.","explanation":"Why.","difficulty":"beginner","channel":"testing","subChannel":"upload"},{"id":"","question":"No id"}]""";

        await page.Locator("[data-testid=import-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "testing.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json),
        });

        await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("1 created", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("1 rejected");
        await Assertions.Expect(page.Locator("[data-testid=import-file-row]").First).ToContainTextAsync("testing.json");
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        Assert.True(await db.Questions.AnyAsync(q => q.Id == "uploaded-1"));

        await page.Locator("[data-testid=import-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "notes.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes("hello"),
        });
        await Assertions.Expect(page.Locator("[data-testid=import-refused]")).ToContainTextAsync("is not an export");
        await page.Context.CloseAsync();
    }

    /// <summary>Presses on <paramref name="from"/>, moves in steps to the middle of <paramref name="to"/>, and lets go.</summary>
    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        var start = await from.BoundingBoxAsync() ?? throw new InvalidOperationException("Nothing to drag from.");
        var end = await to.BoundingBoxAsync() ?? throw new InvalidOperationException("Nothing to drop on.");
        await page.Mouse.MoveAsync(start.X + start.Width / 2, start.Y + start.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(end.X + end.Width / 3, end.Y + end.Height / 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    private async Task<(string Answer, string? Tldr)> StoredAsync(string id)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        var q = await db.Questions.AsNoTracking().SingleAsync(x => x.Id == id);
        return (q.Answer, q.Tldr);
    }

    [Fact]
    public async Task TheCertificationEditor_RefusesWeightsThatDoNotSumTo100_AtTheField_ThenSaves()
    {
        var page = await SignedInAdminAsync(false);
        await page.GotoAsync("/admin/certifications/application-security-essentials/edit");
        await BrowserPages.WaitForPageAsync(page);
        var weight = page.Locator("input[data-testid=cert-domain-weight]").First;
        var original = await weight.InputValueAsync();
        await weight.FillAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=cert-domain-sum]")).Not.ToHaveTextAsync("Weights sum to 100 of 100.");
        await page.Locator("[data-testid=cert-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=cert-domains-error]")).ToContainTextAsync("they must sum to 100");
        await Assertions.Expect(page.Locator("[data-testid=certification-errors]")).ToBeVisibleAsync();

        await weight.FillAsync(original);
        await page.Locator("input[data-testid=cert-passing]").FillAsync("68");
        await page.Locator("[data-testid=cert-save]").ClickAsync();
        await page.WaitForURLAsync("**/admin/certifications/application-security-essentials/domains");
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(68, (await db.Certifications.AsNoTracking().SingleAsync(c => c.Id == "application-security-essentials")).PassingScore);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePathEditor_ReordersRemovesAndAddsQuestions_RefusesAnEmptyMilestone_ThenSaves()
    {
        var page = await SignedInAdminAsync(false);
        await page.GotoAsync("/admin/paths/backend-engineer-career-path/edit");
        await BrowserPages.WaitForPageAsync(page);
        var questions = page.Locator("[data-testid=path-editor-question]");
        await Assertions.Expect(questions).ToHaveCountAsync(12);

        // The first question goes one down; the last of the first milestone crosses into the second.
        await page.Locator("[data-testid=path-question-down]").First.ClickAsync();
        await Assertions.Expect(questions.Nth(0)).ToHaveAttributeAsync("data-question-id", "ip-db-002");
        await Assertions.Expect(questions.Nth(1)).ToHaveAttributeAsync("data-question-id", "ip-db-001");
        await questions.Nth(11).Locator("[data-testid=path-question-remove]").ClickAsync();
        await Assertions.Expect(questions).ToHaveCountAsync(11);

        // A question found by search joins the last milestone.
        await page.Locator("input[data-testid=path-picker-search]").FillAsync("cookie");
        await page.Locator("[data-testid=path-picker-go]").ClickAsync();
        var add = page.Locator("[data-testid=path-picker-results] li").Filter(new() { Has = page.Locator("[data-testid=path-picker-add]:not([disabled])") }).First;
        await add.Locator("[data-testid=path-picker-add]").ClickAsync();
        await Assertions.Expect(questions).ToHaveCountAsync(12);

        // An empty milestone is refused where it is.
        await page.Locator("[data-testid=path-milestone-add]").ClickAsync();
        await page.Locator("[data-testid=path-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=path-errors]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=path-milestone-editor]").Nth(3)).ToContainTextAsync("no questions");
        await page.Locator("[data-testid=path-milestone-remove]").Nth(3).ClickAsync();

        await page.Locator("[data-testid=path-save]").ClickAsync();
        await page.WaitForURLAsync("**/paths/backend-engineer-career-path");
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        var path = await db.LearningPaths.AsNoTracking().SingleAsync(p => p.Id == "backend-engineer-career-path");
        Assert.Equal(["ip-db-002", "ip-db-001"], path.QuestionIds.Take(2));
        Assert.Equal(12, path.QuestionIds.Count);
        Assert.DoesNotContain("ip-sd-008", path.QuestionIds);
        Assert.Equal(1, await db.QuestionHistory.CountAsync(h => h.QuestionId == "backend-engineer-career-path" && h.QuestionType == "learning-path"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheVoiceEditor_ReordersAndAddsAQuestionFoundBySearch_ThenSaves_AndTheInterviewPlaysThem()
    {
        var page = await SignedInAdminAsync(false);
        await page.GotoAsync("/admin/voice/networking-fundamentals-spoken/edit");
        await BrowserPages.WaitForPageAsync(page);
        var questions = page.Locator("[data-testid=voice-editor-questions] li");
        await Assertions.Expect(questions).ToHaveCountAsync(4);

        await questions.Nth(3).Locator("[data-testid=voice-remove]").ClickAsync();
        await Assertions.Expect(questions).ToHaveCountAsync(3);
        await page.Locator("input[data-testid=voice-search]").FillAsync("ip-nw-005");
        await page.Locator("[data-testid=voice-search-go]").ClickAsync();
        await page.Locator("[data-testid=voice-add]:not([disabled])").First.ClickAsync();
        await Assertions.Expect(questions).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=voice-totals]")).ToContainTextAsync("4 questions");

        await page.Locator("[data-testid=voice-save]").ClickAsync();
        await page.WaitForURLAsync("**/voice/networking-fundamentals-spoken");
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        var session = await db.VoiceSessions.AsNoTracking().SingleAsync(s => s.Id == "networking-fundamentals-spoken");
        Assert.Equal("ip-nw-005", session.QuestionIds[^1]);
        Assert.Equal(1, await db.QuestionHistory.CountAsync(h => h.QuestionId == "networking-fundamentals-spoken" && h.QuestionType == "voice-session"));
        await page.Context.CloseAsync();
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
        { "/admin/reports", false }, { "/admin/reports", true },
        { "/admin/import", false }, { "/admin/import", true },
        { "/admin/certifications", false }, { "/admin/certifications", true },
        { "/admin/certifications/cloud-architecture-foundations/domains", false }, { "/admin/certifications/cloud-architecture-foundations/domains", true },
        { "/admin/certifications/cloud-architecture-foundations/edit", false }, { "/admin/certifications/cloud-architecture-foundations/edit", true },
        { "/admin/certifications/new", false },
        { "/admin/paths", false }, { "/admin/paths", true },
        { "/admin/paths/backend-engineer-career-path/edit", false }, { "/admin/paths/backend-engineer-career-path/edit", true },
        { "/admin/paths/new", false },
        { "/admin/voice", false }, { "/admin/voice", true },
        { "/admin/voice/system-design-building-blocks/edit", false }, { "/admin/voice/system-design-building-blocks/edit", true },
        { "/admin/graph?q=ip-algo-003&depth=2", false }, { "/admin/graph?q=ip-algo-003&depth=2", true },
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
