using Microsoft.Playwright;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>
/// The app on real Kestrel and a headless system Chromium driving it. Without Chromium the
/// browser tests skip with the reason, unless REQUIRE_BROWSER=1 (CI), where that is a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private IPlaywright? _playwright;

    public AppFactory App { get; } = new(kestrel: true);
    public IBrowser? Browser { get; private set; }
    public Uri BaseAddress { get; private set; } = null!;
    private string? _missing;

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured
            ? configured
            : ChromiumPaths.FirstOrDefault(File.Exists);
        if (executable is null || !File.Exists(executable))
        {
            _missing = "no Chromium found (looked for " + string.Join(", ", ChromiumPaths) + "; set CHROMIUM_PATH or apt-get install chromium)";
            return;
        }

        BaseAddress = App.ServerAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) on a page at the app's address.</summary>
    /// <param name="touch">A phone's touch screen without a mouse (pointer: coarse, hover: none).</param>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, string? timeZone = null, ColorScheme? colorScheme = null, bool touch = false)
    {
        if (Browser is null)
        {
            if (Environment.GetEnvironmentVariable("REQUIRE_BROWSER") == "1")
            {
                Assert.Fail($"Browser tests need Chromium and REQUIRE_BROWSER=1 is set: {_missing}");
            }

            Assert.Skip($"Browser test skipped: {_missing}");
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            TimezoneId = timeZone,
            ColorScheme = colorScheme,
            HasTouch = touch,
            IsMobile = touch,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
