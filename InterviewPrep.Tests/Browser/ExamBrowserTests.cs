using System.Text.RegularExpressions;
using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>
/// A timed exam as a candidate lives it: answers and flags kept through a reload and a server restart, the
/// clock running on from where it was, handing in, the per-domain report; and an exam whose time ran out
/// while the candidate was away, handed in for them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExamBrowserTests(BrowserFixture browser)
{
    private const string ExamPath = "certifications/cloud-architecture-foundations/exam";

    [Fact]
    public async Task ATimedExam_SurvivesAReloadAndARestart_AndIsHandedInWithItsDomainReport()
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync(); // skips or fails with the reason
        }

        var folder = Directory.CreateTempSubdirectory("interviewprep-exam-").FullName;
        var database = Path.Combine(folder, "exam.db");
        var context = await browser.Browser!.NewContextAsync();
        string third;
        await using (var first = new AppFactory(kestrel: true, database: database))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(first.ServerAddress, ExamPath).ToString());
            await Assertions.Expect(page.Locator("[data-testid=exam-length][data-length='10'] input")).ToBeCheckedAsync();
            await page.Locator("[data-testid=exam-start]:not([disabled])").ClickAsync();
            await Ready(page, 1);
            await Assertions.Expect(page.Locator("[data-testid=exam-nav-item]")).ToHaveCountAsync(10);

            await page.Locator("[data-testid=exam-answer]").FillAsync("Spread instances over zones behind a load balancer and scale them out.");
            await Assertions.Expect(page.Locator("[data-testid=exam-saved]")).ToHaveTextAsync("Saved.");
            await page.Locator("[data-testid=next]").ClickAsync();
            await Ready(page, 2);
            await page.Locator("[data-testid=exam-answer]").FillAsync("Replicate it and read from the replicas.");
            await page.Locator("[data-testid=exam-flag]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=exam-flag]")).ToHaveAttributeAsync("aria-pressed", "true");
            await page.Locator("[data-testid=next]").ClickAsync();
            await Ready(page, 3);
            third = (await page.Locator("[data-testid=exam]").GetAttributeAsync("data-question-id"))!;

            // No feedback while it runs: no model answer, no marks.
            await Assertions.Expect(page.Locator("[data-testid=answer], [data-testid=exam-mark]")).ToHaveCountAsync(0);

            var before = await RemainingAsync(page);
            await page.WaitForTimeoutAsync(1500);
            await page.ReloadAsync();
            await Ready(page, 3);
            var after = await RemainingAsync(page);
            // The same deadline: time kept running while the page reloaded, and did not start again.
            Assert.InRange(after, before - 30_000, before - 1_000);
            Assert.Equal(third, await page.Locator("[data-testid=exam]").GetAttributeAsync("data-question-id"));
            await Assertions.Expect(page.Locator("[data-testid=exam-nav-item][data-state=answered]")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("[data-testid=exam-nav-item][data-flagged=true]")).ToHaveCountAsync(1);
            await page.CloseAsync();
        }

        await using (var second = new AppFactory(kestrel: true, database: database))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(second.ServerAddress, "certifications/cloud-architecture-foundations").ToString());
            await page.Locator("[data-testid=running-attempt] a").ClickAsync();
            await Ready(page, 3);
            Assert.Equal(third, await page.Locator("[data-testid=exam]").GetAttributeAsync("data-question-id"));
            await page.Locator("[data-testid=exam-nav-item]").Nth(1).ClickAsync();
            await Ready(page, 2);
            await Assertions.Expect(page.Locator("[data-testid=exam-answer]")).ToHaveValueAsync("Replicate it and read from the replicas.");

            await page.Locator("[data-testid=exam-hand-in]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=exam-summary]")).ToContainTextAsync("8 unanswered, 1 flagged");
            await page.Locator("[data-testid=exam-confirm-hand-in]").ClickAsync();
            await page.Locator("[data-testid=exam-results]").WaitForAsync();
            await Assertions.Expect(page.Locator("[data-testid=results-domain]")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator("[data-testid=results-verdict]")).ToHaveTextAsync(new Regex("Passed|Not passed"));
            await Assertions.Expect(page.Locator("[data-testid=result-item]")).ToHaveCountAsync(10);

            // Marking one correct moves the score and the domain's row.
            var score = await page.Locator("[data-testid=results-score]").TextContentAsync();
            var item = page.Locator("[data-testid=result-item]").Nth(2);
            await item.Locator("[data-testid=mark-correct]").ClickAsync();
            await Assertions.Expect(item).ToHaveAttributeAsync("data-mark", "correct");
            Assert.NotEqual(score, await page.Locator("[data-testid=results-score]").TextContentAsync());

            // The exam's page now lists the attempt.
            await page.GotoAsync(new Uri(second.ServerAddress, "certifications/cloud-architecture-foundations").ToString());
            await Assertions.Expect(page.Locator("[data-testid=attempt][data-mode=exam]")).ToHaveCountAsync(1);
            await page.CloseAsync();
        }

        await context.CloseAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AnExamWhoseTimeRanOutWhileAway_IsHandedInWithWhatWasAnswered()
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync();
        }

        var folder = Directory.CreateTempSubdirectory("interviewprep-exam-away-").FullName;
        var database = Path.Combine(folder, "exam.db");
        var context = await browser.Browser!.NewContextAsync();
        await using (var first = new AppFactory(kestrel: true, database: database))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(first.ServerAddress, ExamPath).ToString());
            await page.Locator("[data-testid=exam-start]:not([disabled])").ClickAsync();
            await Ready(page, 1);
            await page.Locator("[data-testid=exam-answer]").FillAsync("Cache it at the edge.");
            await Assertions.Expect(page.Locator("[data-testid=exam-saved]")).ToHaveTextAsync("Saved.");
            await page.CloseAsync();
        }

        await using (var second = new AppFactory(kestrel: true, database: database))
        {
            // The candidate stays away past the deadline.
            await using (var db = await second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                var session = await db.UserSessions.SingleAsync(s => s.SessionType == SessionType.Certification);
                session.SessionData = session.SessionData! with { Deadline = DateTime.UtcNow.AddMinutes(-5) };
                await db.SaveChangesAsync();
            }

            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(second.ServerAddress, ExamPath).ToString());
            var results = await page.Locator("[data-testid=exam-timed-out] a").GetAttributeAsync("href");
            await page.GotoAsync(new Uri(second.ServerAddress, results!).ToString());
            // A slow first render on a busy machine (a new server: its first query plans and JIT) is not a failure.
            await page.Locator("[data-testid=exam-results]").WaitForAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("[data-testid=results-time-up]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=result-item]").First.Locator(".recall-echo")).ToContainTextAsync("Cache it at the edge.");
            await page.CloseAsync();
        }

        await context.CloseAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OnAPhone_EveryStepOfAnAttempt_FitsAndHasNoSeriousAccessibilityViolations(bool dark)
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.Context.AddCookiesAsync([new Cookie { Name = "ip-theme", Value = dark ? "dark" : "light", Url = browser.BaseAddress.ToString() }]);

        // Practice: the answer opened, key terms and marks showing.
        await page.GotoAsync("certifications/cloud-architecture-foundations/practice");
        await page.Locator("[data-testid=exam-start]:not([disabled])").ClickAsync();
        await Ready(page, 1);
        await page.Locator("[data-testid=practice-answer]").FillAsync("consistency and availability during a partition");
        await page.Locator("[data-testid=reveal]").ClickAsync();
        await page.Locator("[data-testid=exam-mark]").WaitForAsync();
        await CheckAsync(page, "practice with the answer open");

        // A timed exam: its setup, one answer, one flag, the hand-in summary, then the results.
        await page.GotoAsync("certifications/cloud-architecture-foundations/exam");
        await page.Locator("[data-testid=exam-start]:not([disabled])").WaitForAsync();
        await CheckAsync(page, "the exam's setup");
        await page.Locator("[data-testid=exam-start]").ClickAsync();
        await Ready(page, 1);
        await page.Locator("[data-testid=exam-answer]").FillAsync("Behind a load balancer, across zones.");
        await page.Locator("[data-testid=exam-flag]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=exam-flag]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Locator("[data-testid=exam-hand-in]").ClickAsync();
        await page.Locator("[data-testid=exam-confirm]").WaitForAsync();
        await CheckAsync(page, "a running exam with the hand-in summary");
        await page.Locator("[data-testid=exam-confirm-hand-in]").ClickAsync();
        await page.Locator("[data-testid=exam-results]").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await CheckAsync(page, "the results");

        // The certification's page with the learner's readiness and attempts.
        await page.GotoAsync("certifications/cloud-architecture-foundations");
        await page.Locator("[data-testid=certification-progress]").WaitForAsync();
        await CheckAsync(page, "the certification's page with progress");
        await page.Context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{what} scrolls sideways by {overflow} px on a phone");
        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    private static Task Ready(IPage page, int position) =>
        page.Locator($"[data-testid=exam][data-position='{position}'][data-ready=true]").WaitForAsync();

    private static async Task<long> RemainingAsync(IPage page) =>
        long.Parse((await page.Locator("[data-testid=exam-clock]").GetAttributeAsync("data-remaining-ms"))!, System.Globalization.CultureInfo.InvariantCulture);
}
