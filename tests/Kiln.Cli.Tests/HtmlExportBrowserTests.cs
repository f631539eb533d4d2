using System.Diagnostics;
using Kiln.Notebooks;

namespace Kiln.Cli.Tests;

/// <summary>kiln run --html, opened in Debian's headless Chromium with no network: the charts must be drawn.</summary>
public sealed class HtmlExportBrowserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-html-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact(Timeout = 180_000)]
    public async Task RunHtml_NotebookWithCharts_DrawsEveryChartOffline()
    {
        var document = NotebookDocument.CreateCSharp();
        document.Cells.Add(NotebookCell.Code("Chart.Line(new[] { 1.0, 3.0, 2.0 }).WithTitle(\"first\")"));
        document.Cells.Add(NotebookCell.Code("var h = Chart.Bar(new[] { \"a\", \"b\" }, new[] { 1, 2 }).Display();\nh!.Update(Chart.Bar(new[] { \"a\", \"b\" }, new[] { 3, 4 }).WithTitle(\"updated\"));"));
        NotebookFile.Save(document, Path.Combine(_root, "charts.ipynb"));

        var (exitCode, output) = await KilnProcess.RunAsync(_root, new Dictionary<string, string?> { ["CI"] = "true" }, "run", "charts.ipynb", "--html", "html");

        exitCode.ShouldBe(0, output);
        var page = Path.Combine(_root, "html", "charts.html");
        var html = await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken);
        System.Text.RegularExpressions.Regex.IsMatch(html, @"<(script|link)[^>]+(src|href)=[""']https?:").ShouldBeFalse("the page loads nothing from the network");
        var dom = await DumpDomAsync(page);
        CountOf(dom, "class=\"main-svg\"").ShouldBeGreaterThanOrEqualTo(2, "each chart draws at least one plotly SVG");
        dom.ShouldContain(">first<", Case.Sensitive, "the first chart's title is drawn as SVG text");
        dom.ShouldContain(">updated<", Case.Sensitive, "the updated display shows the new chart");
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private async Task<string> DumpDomAsync(string page)
    {
        var info = new ProcessStartInfo("/usr/bin/chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            $"--user-data-dir={Path.Combine(_root, "chromium-profile")}", "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            info.ArgumentList.Add(flag);
        }

        using var chromium = Process.Start(info) ?? throw new InvalidOperationException("Chromium did not start; run scripts/setup-deps.sh.");
        var dom = await chromium.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await chromium.WaitForExitAsync(TestContext.Current.CancellationToken);
        return dom;
    }
}
