using System.Text.Json.Nodes;
using Kiln.Charts.Tests.Support;
using Microsoft.Playwright;

namespace Kiln.Charts.Tests.Rendering;

/// <summary>Opens Kiln's HTML in real headless Chromium with the network closed and checks plotly.js drew every trace.</summary>
public sealed class BrowserRenderingTests(OfflineBrowser browser) : IClassFixture<OfflineBrowser>, IDisposable
{
    private const string InspectPlots = """
        () => Array.from(document.querySelectorAll('.kiln-plotly')).map(gd => JSON.stringify({
          traces: gd._fullData ? gd._fullData.length : -1,
          svgs: gd.querySelectorAll('.main-svg').length,
          fallbacks: gd.querySelectorAll('.kiln-plotly-fallback').length
        }))
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kiln-charts-browser-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(ChartCases.Names), MemberType = typeof(ChartCases))]
    public async Task SaveHtml_EachChartKindOffline_RendersEveryTraceWithValidAttributes(string name)
    {
        var path = Path.Combine(_folder.FullName, name + ".html");
        ChartCases.All[name]().SaveHtml(path);
        var errors = new List<string>();
        var page = await browser.NewOfflinePageAsync(errors);

        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync(".kiln-plotly .main-svg");
        var plots = await InspectAsync(page);

        plots.Count.ShouldBe(1);
        plots[0]["traces"]!.GetValue<int>().ShouldBe(Fixtures.Figure(name)["data"]!.AsArray().Count);
        plots[0]["svgs"]!.GetValue<int>().ShouldBeGreaterThan(0);
        plots[0]["fallbacks"]!.GetValue<int>().ShouldBe(0);
        var invalid = await page.EvaluateAsync<string>(
            "json => { const f = JSON.parse(json); return JSON.stringify(Plotly.validate(f.data, f.layout) || []); }",
            ChartCases.All[name]().ToJson());
        invalid.ShouldBe("[]");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Fragments_PlotlyInlinedByTheFirstOnly_BothRender()
    {
        var first = Chart.Line(new[] { 1.0, 2.0 });
        var second = Chart.Bar(new[] { "a", "b" }, new[] { 1, 2 });
        var body = PlotlyHtml.Fragment(first, includePlotlyJs: true) + PlotlyHtml.Fragment(second, includePlotlyJs: false);

        var plots = await RenderBodyAsync(body, expectedPlots: 2);

        plots.Select(p => p["traces"]!.GetValue<int>()).ShouldBe([1, 1]);
    }

    [Fact]
    public async Task Fragment_PlotlyLoadedLaterOnThePage_WaitsForItAndRenders()
    {
        var body = PlotlyHtml.Fragment(Chart.Histogram(new[] { 1.0, 2, 2 }), includePlotlyJs: false) + PlotlyJs.ScriptTag();

        var plots = await RenderBodyAsync(body, expectedPlots: 1);

        plots[0]["traces"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Page_FromStoredOutputsWithPlotlyStripped_RendersWithOneCopyInTheHead()
    {
        var outputs = new[] { Chart.Line(new[] { 1.0, 3.0 }), Chart.Box(new[] { 1, 2, 3 }) }
            .Select(c => PlotlyHtml.Fragment(c, includePlotlyJs: true))
            .Select(PlotlyHtml.RemoveInlinePlotlyJs);
        var path = Path.Combine(_folder.FullName, "exported.html");
        await File.WriteAllTextAsync(path, PlotlyHtml.Page(string.Join("\n", outputs), "Notebook"), TestContext.Current.CancellationToken);
        var errors = new List<string>();
        var page = await browser.NewOfflinePageAsync(errors);

        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.kiln-plotly .main-svg').length >= 2");

        (await InspectAsync(page)).Count.ShouldBe(2);
        errors.ShouldBeEmpty();
    }

    private async Task<List<JsonNode>> RenderBodyAsync(string body, int expectedPlots)
    {
        var path = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N") + ".html");
        await File.WriteAllTextAsync(path, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>", TestContext.Current.CancellationToken);
        var errors = new List<string>();
        var page = await browser.NewOfflinePageAsync(errors);

        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('.kiln-plotly .main-svg').length >= {expectedPlots}");
        var plots = await InspectAsync(page);

        errors.ShouldBeEmpty();
        plots.Count.ShouldBe(expectedPlots);
        return plots;
    }

    private static async Task<List<JsonNode>> InspectAsync(IPage page) =>
        [.. (await page.EvaluateAsync<string[]>(InspectPlots)).Select(json => JsonNode.Parse(json)!)];
}
