using System.Text.Json.Nodes;

namespace Kiln.Charts.Tests.Rendering;

public class PlotlyHtmlTests
{
    private readonly Chart _chart = Chart.Bar(new[] { "a", "b" }, new[] { 1, 2 });

    [Fact]
    public void PlotlyJs_Version_MatchesThePinnedNpmPackage()
    {
        var lockFile = JsonNode.Parse(File.ReadAllText(FindRepoFile("src/Kiln.Charts/package-lock.json")))!;

        PlotlyJs.Version.ShouldBe(lockFile["packages"]!["node_modules/plotly.js-dist-min"]!["version"]!.GetValue<string>());
        PlotlyJs.License.ShouldContain("MIT");
    }

    [Fact]
    public void ScriptTag_GuardsAgainstLoadingPlotlyTwice()
    {
        var tag = PlotlyJs.ScriptTag();

        tag.ShouldStartWith("<script");
        tag.ShouldContain("if (typeof window.Plotly === 'undefined')");
        tag.IndexOf("</script", StringComparison.OrdinalIgnoreCase).ShouldBe(tag.Length - "</script>".Length);
    }

    [Fact]
    public void Fragment_FigureJsonIsEscapedForScriptContext()
    {
        var html = PlotlyHtml.Fragment(_chart.WithTitle("</script><b>x</b>"), includePlotlyJs: false);

        html.ShouldNotContain("</script><b>");
        html.ShouldContain("\\u003C/script\\u003E");
    }

    [Fact]
    public void Fragment_UsesLayoutSizeForTheContainer()
    {
        PlotlyHtml.Fragment(_chart.WithSize(640, 320), includePlotlyJs: false).ShouldContain("width:640px;height:320px;");
        PlotlyHtml.Fragment(_chart, includePlotlyJs: false).ShouldContain("width:100%;height:450px;");
    }

    [Fact]
    public void Fragment_StaticViewerFallback_IsTheEncodedTextSummary()
    {
        var html = PlotlyHtml.Fragment(_chart.WithTitle("A<B"), includePlotlyJs: false);

        html.ShouldContain("Bar chart &quot;A&lt;B&quot;: 1 trace, 2 points (interactive: needs JavaScript)");
    }

    [Fact]
    public void Fragment_FromFigureJsonThatIsNotAnObject_Throws()
    {
        Should.Throw<ArgumentException>(() => PlotlyHtml.Fragment(new JsonArray(), includePlotlyJs: false));
    }

    [Fact]
    public void Page_InlinesPlotlyExactlyOnce()
    {
        var page = PlotlyHtml.Page(_chart, "Bars");

        Occurrences(page, PlotlyJs.MarkerAttribute).ShouldBe(1);
        page.ShouldContain("<title>Bars</title>");
    }

    [Fact]
    public void RemoveInlinePlotlyJs_StripsEveryInlinedCopyAndKeepsTheCharts()
    {
        var html = PlotlyHtml.Fragment(_chart, includePlotlyJs: true) + "<p>between</p>" + PlotlyHtml.Fragment(_chart, includePlotlyJs: true);

        var stripped = PlotlyHtml.RemoveInlinePlotlyJs(html);

        Occurrences(stripped, PlotlyJs.MarkerAttribute).ShouldBe(0);
        Occurrences(stripped, "Plotly.newPlot").ShouldBe(2);
        stripped.ShouldContain("<p>between</p>");
        stripped.Length.ShouldBeLessThan(100_000);
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    internal static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Could not find {relative} above {AppContext.BaseDirectory}.");
    }
}
