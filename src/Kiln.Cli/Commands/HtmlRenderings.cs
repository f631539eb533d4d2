using Kiln.Charts;
using Kiln.Notebooks;
using Kiln.Runner;
using Kiln.Runner.Reports;

namespace Kiln.Cli.Commands;

/// <summary>Writes the <c>--html</c> rendering of each executed notebook, mirroring the output folder layout.</summary>
internal static class HtmlRenderings
{
    public static void Write(IReadOnlyList<NotebookRunResult> results, RunOptions options, string directory)
    {
        var exporter = new NotebookHtmlExporter(new HtmlExportOptions
        {
            PlotlyScript = () => PlotlyJs.Source,
            RemoveInlinePlotly = PlotlyHtml.RemoveInlinePlotlyJs,
        });
        foreach (var result in results.Where(r => r.OutputPath is not null && File.Exists(r.OutputPath)))
        {
            var htmlPath = Path.ChangeExtension(OutputPaths.For(result.InputPath, options with { OutputDirectory = directory, InPlace = false }), ".html");
            exporter.Write(NotebookFile.Load(result.OutputPath!), Path.GetFileName(result.InputPath), htmlPath);
        }
    }
}
