using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class QuestionPageBrowserTests(BrowserFixture browser)
{
    // The first page to draw a diagram fetches the library's chunks, which the server compresses on
    // their first request: with the rest of the suite running beside it, that can take seconds.
    private static readonly LocatorAssertionsToBeVisibleOptions DiagramDrawn = new() { Timeout = 30_000 };

    [Fact]
    public async Task QuestionWithADiagram_IsDrawnAsSvg()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/ip-sd-001");
        await page.Locator(".mermaid-diagram").ScrollIntoViewIfNeededAsync();

        await Assertions.Expect(page.Locator(".mermaid-diagram[data-state=rendered] svg").First).ToBeVisibleAsync(DiagramDrawn);
        await Assertions.Expect(page.Locator(".mermaid-diagram[data-state=failed]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "question-page.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheDiagramLibrary_LoadsOnlyWhenADiagramComesNearTheScreen()
    {
        var explanation = string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Paragraph {i} of a long explanation, before the diagram."));
        await browser.App.SaveQuestionAsync("ip-diagram-far-down", diagram: "flowchart TD\n  A[Start] --> B[End]", explanation: explanation);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 700 });
        var libraryRequests = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("/lib/mermaid/", StringComparison.Ordinal)) libraryRequests.Add(r.Url); };
        await page.GotoAsync("/questions/ip-diagram-far-down", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Assertions.Expect(page.Locator(".mermaid-diagram[data-state=waiting]")).ToHaveCountAsync(1);
        Assert.Empty(libraryRequests);

        await page.Locator(".mermaid-diagram").ScrollIntoViewIfNeededAsync();

        await Assertions.Expect(page.Locator(".mermaid-diagram[data-state=rendered] svg")).ToBeVisibleAsync(DiagramDrawn);
        // The module build fetches its entry and the chunks a flowchart needs, not the whole library.
        Assert.Contains(libraryRequests, u => u.EndsWith("/mermaid.esm.min.mjs", StringComparison.Ordinal));
        Assert.DoesNotContain(libraryRequests, u => u.Contains("mermaid.min.js", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BrokenDiagram_ShowsItsSourceAndANotice_AndThePageStillWorks()
    {
        await browser.App.SaveQuestionAsync("ip-broken-diagram", diagram: "flowchart TD\n  A[Start --> ((((");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/ip-broken-diagram");
        await page.Locator(".mermaid-diagram").ScrollIntoViewIfNeededAsync();

        await Assertions.Expect(page.Locator(".mermaid-diagram[data-state=failed] .mermaid-notice")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mermaid-diagram .mermaid-source")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("A question with a broken diagram");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HostileDiagramLabels_AreDrawnAsText_WithoutPolicyViolations()
    {
        await browser.App.SaveQuestionAsync("ip-hostile-diagram",
            diagram: "flowchart TD\n  A[\"<img src=x onerror=alert(1)>\"] --> B[\"<a href=javascript:alert(2)>x</a>\"]\n  click A call alert(3)");
        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync("/questions/ip-hostile-diagram");

        await Assertions.Expect(page.Locator(".mermaid-diagram[data-state]")).ToHaveCountAsync(1);
        await page.Locator(".mermaid-diagram").ScrollIntoViewIfNeededAsync();
        await page.Locator(".mermaid-diagram[data-state=rendered], .mermaid-diagram[data-state=failed]").WaitForAsync();
        Assert.Equal(0, await page.Locator(".mermaid-diagram img, .mermaid-diagram a[href^='javascript']").CountAsync());
        var violations = await page.EvaluateAsync<string[]>("window.__violations");
        Assert.True(violations.Length == 0, string.Join("; ", violations));
        Assert.Equal(0, dialogs);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task YouTubeVideo_IsAPrivacyEnhancedLazyEmbed()
    {
        await browser.App.SaveQuestionAsync("ip-video", videos: new("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://example.com/talk.mp4"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/ip-video");

        var frame = page.Locator("[data-testid=video-embed] iframe");
        await Assertions.Expect(frame).ToHaveAttributeAsync("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        await Assertions.Expect(frame).ToHaveAttributeAsync("loading", "lazy");
        await Assertions.Expect(page.Locator("[data-testid=video-link] a")).ToHaveAttributeAsync("href", "https://example.com/talk.mp4");
        await page.Context.CloseAsync();
    }
}
