using System.Text.Json.Nodes;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>The bots' admin pages in a real browser: reviewing proposals, running a bot, the work queue, and axe on each page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BotsAdminBrowserTests(BrowserFixture browser)
{
    private Task<IPage> SignedInAdminAsync(bool dark = false, ViewportSize? viewport = null) => BrowserPages.SignedInAdminAsync(browser, dark, viewport);

    private async Task<int> ProposeAsync(string id, JsonObject changes, string reason)
    {
        var services = browser.App.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        var snapshot = QuestionData.FromEntity(await db.Questions.AsNoTracking().SingleAsync(q => q.Id == id)).ToSnapshot();
        var outcome = await services.GetRequiredService<BotEdits>()
            .SubmitAsync(new BotActor("voice-keywords", null, BotMode.Propose), QuestionEdit.Of(snapshot, changes, reason)!);
        Assert.Equal(EditOutcome.Proposed, outcome);
        return await db.BotProposals.Where(p => p.ItemId == id).MaxAsync(p => p.Id);
    }

    [Fact]
    public async Task AnAdmin_ApprovesOneProposal_AndRejectsAnotherWithAReason()
    {
        var approve = await ProposeAsync("ip-sec-006", new JsonObject { ["voiceKeywords"] = new JsonArray("least privilege", "roles", "audit", "scopes", "rotation") }, "five concepts");
        var reject = await ProposeAsync("ip-sec-007", new JsonObject { ["voiceKeywords"] = new JsonArray("ideal", "table", "fires", "things", "stuff") }, "five concepts");
        var page = await SignedInAdminAsync();
        await page.GotoAsync("/admin/bots/review");
        await BrowserPages.WaitForPageAsync(page);

        var first = page.Locator($"[data-proposal='{approve}']");
        await Assertions.Expect(first.Locator("[data-field=voiceKeywords] td").Last).ToContainTextAsync("least privilege, roles");
        await first.Locator("[data-testid=proposal-approve]").ClickAsync();
        await Assertions.Expect(first).ToHaveCountAsync(0);

        var second = page.Locator($"[data-proposal='{reject}']");
        await second.Locator("[data-testid=proposal-reject]").ClickAsync();
        await Assertions.Expect(second.Locator("[data-testid=proposal-error]")).ToContainTextAsync("Say why");
        await second.Locator("[data-testid=proposal-why]").FillAsync("Ordinary words, not concepts");
        await second.Locator("[data-testid=proposal-why]").BlurAsync();
        await second.Locator("[data-testid=proposal-reject]").ClickAsync();
        await Assertions.Expect(second).ToHaveCountAsync(0);

        await page.Locator("[data-testid=proposals-rejected]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-proposal='{reject}'] [data-testid=proposal-note]")).ToHaveTextAsync("Ordinary words, not concepts");
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<InterviewPrep.Data.AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(5, (await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "ip-sec-006")).VoiceKeywords!.Count);
        Assert.DoesNotContain("ideal", (await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "ip-sec-007")).VoiceKeywords ?? []);
        var history = await db.QuestionHistory.AsNoTracking().Where(h => h.QuestionId == "ip-sec-006").OrderByDescending(h => h.Id).FirstAsync();
        Assert.Equal((HistoryEventSources.Bot, "voice-keywords"), (history.EventSource, history.SourceName));
        Assert.Equal(AppFactory.AdminEmail, history.Metadata!["approvedBy"]!.GetValue<string>());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunNow_RunsTheBot_AndItsPageShowsTheRunAndItsLedger()
    {
        var page = await SignedInAdminAsync();
        await page.GotoAsync("/admin/bots");
        await BrowserPages.WaitForPageAsync(page);

        await page.Locator("[data-bot=quality-analysis] [data-testid=bot-run]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-bot=quality-analysis] [data-testid=bot-last-run]")).ToContainTextAsync("completed", new() { Timeout = 30_000 });

        await page.Locator("[data-bot=quality-analysis] a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=bot-runs] tbody tr")).Not.ToHaveCountAsync(0);
        await page.GotoAsync("/admin/bots/queue");
        await BrowserPages.WaitForPageAsync(page);
        var firstItem = page.Locator("[data-testid=queue-items] tbody tr").First;
        var itemId = await firstItem.GetAttributeAsync("data-item");
        await firstItem.Locator("[data-testid=queue-cancel]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-item='{itemId}']")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=queue-cancelled]").ClickAsync();
        await page.Locator($"[data-item='{itemId}'] [data-testid=queue-retry]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-item='{itemId}']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    public static TheoryData<string, bool> Pages => new()
    {
        { "/admin/bots", false }, { "/admin/bots", true },
        { "/admin/bots/diagram-repair", false }, { "/admin/bots/diagram-repair", true },
        { "/admin/bots/review", false }, { "/admin/bots/review", true },
        { "/admin/bots/queue", false }, { "/admin/bots/queue", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task BotsPage_HasNoSeriousAccessibilityViolations_AndFitsAPhone(string path, bool dark)
    {
        var page = await SignedInAdminAsync(dark, new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync(path);
        await BrowserPages.WaitForPageAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Admin · InterviewPrep$"));

        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await BrowserPages.AssertNothingWiderThanTheScreenAsync(page);
        await page.Context.CloseAsync();
    }
}
