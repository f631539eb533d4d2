using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kiln.Display;
using Kiln.Notebooks;
using Markdig;

namespace Kiln.Runner.Reports;

/// <summary>Renders an executed notebook as one self-contained HTML page that works offline (no CDN, no require.js).</summary>
/// <remarks>nbconvert: <c>--to html</c>. Output priority: plotly figure (drawn with the page's single copy of plotly.js),
/// <c>text/html</c>, <c>image/svg+xml</c>, <c>image/png</c>, <c>text/markdown</c>, <c>text/plain</c>.</remarks>
public sealed partial class NotebookHtmlExporter(HtmlExportOptions options)
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private int _plotCount;

    /// <summary>Writes the HTML rendering of <paramref name="document"/> to <paramref name="path"/>.</summary>
    public void Write(NotebookDocument document, string title, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render(document, title), new UTF8Encoding(false));
    }

    /// <summary>Returns the HTML page for <paramref name="document"/>.</summary>
    public string Render(NotebookDocument document, string title)
    {
        ArgumentNullException.ThrowIfNull(document);
        var usePlotly = options.PlotlyScript is not null && document.Cells.SelectMany(c => c.Outputs).OfType<MimeOutput>()
            .Any(o => o.Data.ContainsKey(MimeTypes.PlotlyJson));
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n");
        if (usePlotly)
        {
            page.Append("<script>").Append(options.PlotlyScript!().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase))
                .Append("</script>\n");
        }

        page.Append("</head>\n<body>\n<main>\n<h1 class=\"nb-title\">").Append(Encode(title)).Append("</h1>\n");
        foreach (var cell in document.Cells)
        {
            RenderCell(page, cell, usePlotly);
        }

        return page.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private void RenderCell(StringBuilder page, NotebookCell cell, bool usePlotly)
    {
        if (cell.IsMarkdown)
        {
            page.Append("<section class=\"cell markdown\">").Append(Markdig.Markdown.ToHtml(cell.Source, Markdown)).Append("</section>\n");
            return;
        }

        if (!cell.IsCode)
        {
            page.Append("<section class=\"cell raw\"><pre>").Append(Encode(cell.Source)).Append("</pre></section>\n");
            return;
        }

        page.Append("<section class=\"cell code\">\n");
        if (options.IncludeSource)
        {
            page.Append("<div class=\"prompt\">[").Append(cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " ")
                .Append("]</div><pre class=\"source\"><code>").Append(Encode(cell.Source)).Append("</code></pre>\n");
        }

        foreach (var output in cell.Outputs)
        {
            page.Append("<div class=\"output\">").Append(RenderOutput(output, usePlotly)).Append("</div>\n");
        }

        page.Append("</section>\n");
    }

    private string RenderOutput(NotebookOutput output, bool usePlotly) => output switch
    {
        StreamOutput stream => $"<pre class=\"stream {stream.Name}\">{Encode(stream.Text)}</pre>",
        ErrorOutput error => $"<pre class=\"error\">{Encode(StripAnsi($"{error.EName}: {error.EValue}\n{string.Join('\n', error.Traceback)}"))}</pre>",
        MimeOutput mime => RenderMime(mime, usePlotly),
        _ => string.Empty,
    };

    private string RenderMime(MimeOutput output, bool usePlotly)
    {
        if (usePlotly && output.Data[MimeTypes.PlotlyJson] is JsonObject figure)
        {
            var id = $"kiln-plot-{++_plotCount}";
            var json = figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
            return $"<div id=\"{id}\" class=\"plot\"></div><script>(function(){{var f={json};" +
                   $"Plotly.newPlot('{id}',f.data||[],f.layout||{{}},Object.assign({{responsive:true}},f.config||{{}}));}})();</script>";
        }

        if (output.GetText(MimeTypes.Html) is { } html)
        {
            return usePlotly && options.RemoveInlinePlotly is { } clean ? clean(html) : html;
        }

        if (output.GetText(MimeTypes.Svg) is { } svg)
        {
            return svg;
        }

        if (output.GetText(MimeTypes.Png) is { } png)
        {
            return $"<img alt=\"output image\" src=\"data:image/png;base64,{png.Replace("\n", "", StringComparison.Ordinal)}\">";
        }

        if (output.GetText(MimeTypes.Markdown) is { } markdown)
        {
            return Markdig.Markdown.ToHtml(markdown, Markdown);
        }

        return output.GetText(MimeTypes.PlainText) is { } text ? $"<pre>{Encode(text)}</pre>" : string.Empty;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string StripAnsi(string text) => AnsiEscape().Replace(text, string.Empty);

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    private const string Style =
        "body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:0;background:#fafafa;color:#1f2328}" +
        "main{max-width:980px;margin:0 auto;padding:24px}.cell{margin:12px 0}" +
        ".prompt{color:#57606a;font:12px monospace;margin-bottom:2px}" +
        "pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;overflow-x:auto;font-size:13px}" +
        ".output pre{background:#fff}.output pre.stderr{background:#fff5f5}.output pre.error{background:#ffebe9;border-color:#ff8182}" +
        "table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:right}" +
        ".nb-title{font-size:14px;color:#57606a;font-weight:normal}";
}
