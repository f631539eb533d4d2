using System.Text.Json.Nodes;
using Kiln.Display;
using Kiln.Notebooks;
using Kiln.Runner.Reports;

namespace Kiln.Runner.Tests.Reports;

public class NotebookHtmlExporterTests
{
    private static NotebookDocument Executed()
    {
        var document = NotebookDocument.CreateCSharp();
        document.Cells.Add(NotebookCell.Markdown("# Results\nSome *emphasis*."));
        var code = NotebookCell.Code("Console.WriteLine(\"<hi>\");");
        code.ExecutionCount = 3;
        code.Outputs.Add(new StreamOutput(StreamOutput.StdOut, "<hi>\n"));
        code.Outputs.Add(DisplayDataOutput.FromBundle(new MimeBundle()
            .Add(MimeTypes.PlotlyJson, new JsonObject { ["data"] = new JsonArray(new JsonObject { ["type"] = "bar" }) })
            .Add(MimeTypes.Html, "<div>chart html</div>")
            .Add(MimeTypes.PlainText, "Bar chart")));
        code.Outputs.Add(ExecuteResultOutput.FromBundle(new MimeBundle().Add(MimeTypes.Html, "<table><tr><td>1</td></tr></table>"), 3));
        code.Outputs.Add(new ErrorOutput("Exception", "bad", ["\u001b[31mat <cell>, line 1\u001b[0m"]));
        document.Cells.Add(code);
        return document;
    }

    [Fact]
    public void Render_WithPlotlyScript_IncludesItOnceAndDrawsFigures()
    {
        var exporter = new NotebookHtmlExporter(new HtmlExportOptions { PlotlyScript = () => "/*plotly*/" });

        var html = exporter.Render(Executed(), "nb.ipynb");

        html.Split("/*plotly*/").Length.ShouldBe(2);
        html.ShouldContain("Plotly.newPlot('kiln-plot-1'");
        html.ShouldNotContain("chart html");
        html.ShouldContain("<h1 id=\"results\">Results</h1>");
        html.ShouldContain("<em>emphasis</em>");
        html.ShouldContain("&lt;hi&gt;");
        html.ShouldContain("<table><tr><td>1</td></tr></table>");
        html.ShouldContain("Exception: bad\nat &lt;cell&gt;, line 1");
        html.ShouldNotContain("\u001b");
    }

    [Fact]
    public void Render_WithPlotlyScript_CleansHtmlOutputsThatInlinePlotly()
    {
        var document = NotebookDocument.CreateCSharp();
        var cell = NotebookCell.Code("chart");
        cell.Outputs.Add(DisplayDataOutput.FromBundle(new MimeBundle().Add(MimeTypes.Html, "<script>/*inline copy*/</script>")));
        cell.Outputs.Add(DisplayDataOutput.FromBundle(new MimeBundle().Add(MimeTypes.PlotlyJson, new JsonObject())));
        document.Cells.Add(cell);
        var exporter = new NotebookHtmlExporter(new HtmlExportOptions
        {
            PlotlyScript = () => "/*plotly*/",
            RemoveInlinePlotly = html => html.Replace("<script>/*inline copy*/</script>", "", StringComparison.Ordinal),
        });

        var page = exporter.Render(document, "nb");

        page.ShouldNotContain("inline copy");
        page.Split("/*plotly*/").Length.ShouldBe(2);
    }

    [Fact]
    public void Render_WithoutPlotlyScript_FallsBackToHtmlOutput()
    {
        var html = new NotebookHtmlExporter(new HtmlExportOptions()).Render(Executed(), "nb.ipynb");

        html.ShouldContain("<div>chart html</div>");
        html.ShouldNotContain("Plotly.newPlot");
    }
}
