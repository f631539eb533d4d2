using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>Renders plotly.js figures as HTML fragments and pages that work offline, without require.js.</summary>
/// <remarks>
/// A fragment is a <c>&lt;div&gt;</c> plus a script that calls <c>Plotly.newPlot</c> as soon as <c>window.Plotly</c> exists
/// (waiting up to 15 s for a plotly.js that loads later on the page, then showing a message that says how to fix it).
/// An HTML exporter that wants plotly.js once per page writes <see cref="PlotlyJs.ScriptTag"/> in the head and either
/// renders fragments with <c>includePlotlyJs: false</c> or strips stored outputs with <see cref="RemoveInlinePlotlyJs"/>.
/// </remarks>
public static class PlotlyHtml
{
    private const int DefaultHeight = 450;

    private const string RenderScript = """
          var waited = 0;
          function fail(message) {
            var gd = document.getElementById(id);
            if (gd) { gd.style.height = 'auto'; gd.textContent = message; }
          }
          function render() {
            var gd = document.getElementById(id);
            if (!gd) { return; }
            gd.textContent = '';
            window.Plotly.newPlot(gd, figure.data, figure.layout || {}, figure.config || {}).catch(function (error) {
              console.error(error);
              fail('This chart could not be drawn: ' + error);
            });
          }
          function whenReady() {
            if (window.Plotly) { render(); return; }
            if (waited >= 15000) {
              fail('This chart needs plotly.js, which is not loaded on this page. Re-run the cell that showed the first chart, '
                + 'or set PlotlyJs.Inclusion = PlotlyInclusion.Always before showing charts.');
              return;
            }
            waited += 50;
            setTimeout(whenReady, 50);
          }
          whenReady();

        """;

    /// <summary>Renders <paramref name="chart"/> as an HTML fragment, with or without plotly.js inlined before it.</summary>
    public static string Fragment(Chart chart, bool includePlotlyJs)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Fragment(chart.ToFigureJson(), includePlotlyJs, chart.ToString());
    }

    /// <summary>Renders a plotly.js figure (<c>{data, layout, config}</c>, as in a notebook's plotly MIME output) as an HTML fragment.</summary>
    /// <param name="figure">The figure JSON.</param>
    /// <param name="includePlotlyJs">Whether plotly.js is inlined before the chart.</param>
    /// <param name="fallbackText">Text shown in the chart's place where scripts do not run (static viewers); replaced by the plot.</param>
    /// <exception cref="ArgumentException">The figure is not a JSON object.</exception>
    public static string Fragment(JsonNode figure, bool includePlotlyJs, string? fallbackText = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure is not JsonObject figureObject)
        {
            throw new ArgumentException("A plotly figure is a JSON object with data, layout and config; pass the whole figure.", nameof(figure));
        }

        var layout = figureObject["layout"] as JsonObject;
        var height = PixelSize(layout, "height") ?? DefaultHeight;
        var width = PixelSize(layout, "width");
        var id = "kiln-plot-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder();
        if (includePlotlyJs)
        {
            html.Append(PlotlyJs.ScriptTag()).Append('\n');
        }

        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}\" class=\"kiln-plotly\" style=\"width:{(width is { } w ? w + "px" : "100%")};height:{height}px;\">")
            .Append("<div class=\"kiln-plotly-fallback\" style=\"font-family:sans-serif;color:#666;padding:8px;\">")
            .Append(WebUtility.HtmlEncode(fallbackText ?? "Interactive plotly.js chart")).Append(" (interactive: needs JavaScript)</div></div>\n")
            .Append("<script type=\"text/javascript\">\n(function () {\n")
            .Append(CultureInfo.InvariantCulture, $"  var id = \"{id}\";\n")
            .Append("  var figure = ").Append(figureObject.ToJsonString()).Append(";\n")
            .Append(RenderScript)
            .Append("})();\n</script>");
        return html.ToString();
    }

    /// <summary>Renders <paramref name="chart"/> as a self-contained HTML page with plotly.js inlined in its head.</summary>
    public static string Page(Chart chart, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Page(Fragment(chart, includePlotlyJs: false), title ?? chart.Layout.Title ?? "Chart");
    }

    /// <summary>Wraps body HTML (chart fragments rendered without plotly.js, and anything else) in a page that loads plotly.js once.</summary>
    public static string Page(string bodyHtml, string title)
    {
        ArgumentNullException.ThrowIfNull(bodyHtml);
        ArgumentNullException.ThrowIfNull(title);
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            + $"<title>{WebUtility.HtmlEncode(title)}</title>\n"
            + PlotlyJs.ScriptTag() + "\n</head>\n<body>\n" + bodyHtml + "\n</body>\n</html>\n";
    }

    /// <summary>Removes the inlined plotly.js <c>&lt;script&gt;</c> elements from HTML that Kiln rendered, leaving the charts.</summary>
    /// <remarks>For exporters that put <see cref="PlotlyJs.ScriptTag"/> once in the page and copy stored notebook outputs.</remarks>
    public static string RemoveInlinePlotlyJs(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var result = new StringBuilder(html.Length);
        var position = 0;
        while (true)
        {
            var marker = html.IndexOf(PlotlyJs.MarkerAttribute, position, StringComparison.Ordinal);
            var start = marker < 0 ? -1 : html.LastIndexOf("<script", marker, StringComparison.OrdinalIgnoreCase);
            start = start < position ? -1 : start;
            var end = start < 0 ? -1 : html.IndexOf("</script>", marker, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                return result.Append(html, position, html.Length - position).ToString();
            }

            result.Append(html, position, start - position);
            position = end + "</script>".Length;
            if (position < html.Length && html[position] == '\n')
            {
                position++;
            }
        }
    }

    private static int? PixelSize(JsonObject? layout, string key) =>
        layout?[key] is JsonValue value
        && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var size)
        && size > 0 ? (int)size : null;
}
