using Microsoft.Playwright;

namespace Kiln.Charts.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright, with every request other than file:// aborted and the context offline.</summary>
public sealed class OfflineBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool IsAvailable => File.Exists(ChromiumPath);

    public async ValueTask InitializeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Opens a new offline page; <paramref name="errors"/> collects console errors, page errors and blocked requests.</summary>
    public async Task<IPage> NewOfflinePageAsync(List<string> errors)
    {
        Assert.SkipUnless(IsAvailable, $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).");
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 800 } });
        await context.SetOfflineAsync(true);
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                errors.Add("network request blocked: " + route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add("console error: " + message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add("page error: " + error);
        return page;
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
