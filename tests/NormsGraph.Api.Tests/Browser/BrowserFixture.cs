using Microsoft.Playwright;

namespace NormsGraph.Api.Tests.Browser;

/// <summary>
/// One headless Debian chromium per test class, driven by Playwright (no browser download: the system's
/// <c>/usr/bin/chromium</c>). Tests call <see cref="RequireBrowser"/>: without chromium they are skipped with
/// the reason, unless NORMSGRAPH_REQUIRE_BROWSER=1 (CI sets it when it installed chromium), where that fails.
/// Each test opens its own context, so no cookies, storage or pages are shared between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public async ValueTask InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("NORMSGRAPH_CHROMIUM") ?? ChromiumPath;
        if (!File.Exists(path))
        {
            _unavailable = $"No browser at {path} (install Debian's chromium: apt-get install chromium).";
            return;
        }
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
        }
        catch (PlaywrightException e)
        {
            _unavailable = $"Chromium at {path} did not start under Playwright: {e.Message}";
        }
    }

    public IBrowser RequireBrowser()
    {
        if (_browser is not null)
        {
            return _browser;
        }
        MissingTool.SkipUnlessRequired("NORMSGRAPH_REQUIRE_BROWSER", _unavailable ?? "The browser was not started.");
        return null!; // not reached: skipping or failing throws
    }

    /// <summary>A fresh context (own storage) with the page size given, and a log of what the page printed to its console.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Console)> NewPageAsync(int width = 1280, int height = 860)
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            lock (console)
            {
                console.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) =>
        {
            lock (console)
            {
                console.Add($"pageerror: {error}");
            }
        };
        return (context, page, console);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
