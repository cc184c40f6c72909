using Microsoft.Playwright;

namespace InterviewPrep.Tests.Infrastructure;

public static class BrowserPages
{
    /// <summary>
    /// Waits until the page's controls work: its circuit is up on an interactive page, or its scripts
    /// have run on a server-rendered one (js/static-layout.js marks the layout).
    /// </summary>
    public static Task WaitForPageAsync(IPage page) =>
        page.Locator(".mud-layout[data-interactive], .mud-layout[data-static-ready]").First
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}
