using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>
/// Diagrams as a learner uses them: one with unquoted brackets in its labels is drawn from the safe
/// repair; a drawn diagram opens full screen, zooms (buttons, keys, a pinch) and pans, closes with
/// Escape, and shows its source.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DiagramViewerBrowserTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions DiagramDrawn = new() { Timeout = 30_000 };

    [Fact]
    public async Task UnquotedBracketsInLabels_AreDrawnFromTheRepair_WithANote()
    {
        await browser.App.SaveQuestionAsync("ip-diagram-brackets", diagram: "flowchart TD\n  A[Client (browser)] --> B[API (v2)]\n  B --> C{Cache hit (warm)}");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/ip-diagram-brackets");
        await page.Locator(".mermaid-diagram").ScrollIntoViewIfNeededAsync();

        await Assertions.Expect(page.Locator(".mermaid-diagram[data-state=repaired] svg")).ToBeVisibleAsync(DiagramDrawn);
        await Assertions.Expect(page.Locator(".mermaid-diagram svg")).ToContainTextAsync("Client (browser)");
        await Assertions.Expect(page.Locator(".mermaid-notice.repaired")).ToBeVisibleAsync();
        // The learner's source is the one shown on request, not the repair.
        await page.GetByTestId("diagram-source").ClickAsync();
        await Assertions.Expect(page.Locator(".mermaid-diagram .mermaid-source")).ToContainTextAsync("A[Client (browser)]");
        await Assertions.Expect(page.Locator(".mermaid-diagram .mermaid-repaired")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ADrawnDiagram_OpensFullScreen_ZoomsAndPans_AndClosesWithEscape(bool phone)
    {
        var page = await browser.NewPageAsync(phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 }, touch: phone);
        await page.GotoAsync("/questions/ip-sd-001");
        await page.Locator(".mermaid-diagram").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator(".mermaid-diagram[data-state=rendered] svg").First).ToBeVisibleAsync(DiagramDrawn);

        var open = page.GetByTestId("diagram-full-screen").First;
        await open.ClickAsync();
        var viewer = page.Locator("dialog[data-testid=diagram-viewer]:modal");
        await Assertions.Expect(viewer).ToBeVisibleAsync();
        await Assertions.Expect(viewer.Locator("svg")).ToBeVisibleAsync();
        // Fitted to the screen: the drawing is inside the stage.
        var stage = (await viewer.Locator(".diagram-viewer-stage").BoundingBoxAsync())!;
        var drawing = (await viewer.Locator("svg").BoundingBoxAsync())!;
        Assert.True(drawing.Width <= stage.Width + 1 && drawing.Height <= stage.Height + 1, "the drawing does not fit the screen");
        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);

        var fitted = await ScaleAsync(page);
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        Assert.True(await ScaleAsync(page) > fitted * 1.2);
        await page.Keyboard.PressAsync("0");
        Assert.Equal(fitted, await ScaleAsync(page), 3);

        // A pinch: two fingers moving apart zoom in; one finger dragging moves the drawing.
        await page.EvaluateAsync("""
            () => {
                const stage = document.querySelector('.diagram-viewer-stage');
                const box = stage.getBoundingClientRect();
                const at = (id, type, x, y) => stage.dispatchEvent(new PointerEvent(type, { pointerId: id, clientX: box.left + x, clientY: box.top + y, bubbles: true, pointerType: 'touch' }));
                at(1, 'pointerdown', 100, 100); at(2, 'pointerdown', 140, 100);
                at(1, 'pointermove', 90, 100); at(2, 'pointermove', 150, 100);
                at(1, 'pointermove', 60, 100); at(2, 'pointermove', 180, 100);
                at(1, 'pointerup', 60, 100); at(2, 'pointerup', 180, 100);
            }
            """);
        Assert.True(await ScaleAsync(page) > fitted * 1.5, "the pinch did not zoom");
        var before = await TranslateXAsync(page);
        await page.EvaluateAsync("""
            () => {
                const stage = document.querySelector('.diagram-viewer-stage');
                const at = (type, x) => stage.dispatchEvent(new PointerEvent(type, { pointerId: 7, clientX: x, clientY: 200, bubbles: true }));
                at('pointerdown', 100); at('pointermove', 160); at('pointerup', 160);
            }
            """);
        Assert.Equal(before + 60, await TranslateXAsync(page), 1);

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("dialog[data-testid=diagram-viewer][open]")).ToHaveCountAsync(0);
        await Assertions.Expect(open).ToBeFocusedAsync();
        await BrowserPages.AssertNothingWiderThanTheScreenAsync(page);
        await page.Context.CloseAsync();
    }

    private static Task<double> ScaleAsync(IPage page) =>
        page.EvaluateAsync<double>("() => new DOMMatrix(getComputedStyle(document.querySelector('.diagram-viewer-canvas')).transform).a");

    private static Task<double> TranslateXAsync(IPage page) =>
        page.EvaluateAsync<double>("() => new DOMMatrix(getComputedStyle(document.querySelector('.diagram-viewer-canvas')).transform).e");
}
