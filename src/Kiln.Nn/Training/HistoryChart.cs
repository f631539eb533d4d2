using System.Globalization;
using System.Net;
using System.Text;

namespace Kiln.Nn.Training;

/// <summary>Draws a <see cref="History"/> as inline SVG line charts: losses in one panel, the other metrics in another.</summary>
/// <remarks>
/// Plain SVG needs no script, so the chart renders offline in every front end, in nbconvert's HTML and on GitHub.
/// The learning rate (<c>lr</c>) is left out: its scale has nothing in common with the others.
/// </remarks>
internal static class HistoryChart
{
    private const int Width = 360;
    private const int Height = 200;
    private const int Left = 52;
    private const int Right = 12;
    private const int Top = 26;
    private const int Bottom = 30;
    private static readonly string[] Colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

    /// <summary>The SVG panels for <paramref name="history"/>, or an empty string when there is nothing to draw.</summary>
    public static string Svg(History history)
    {
        var plotted = history.Names.Where(n => n != "lr").ToList();
        var losses = plotted.Where(n => n.EndsWith("loss", StringComparison.Ordinal)).ToList();
        var metrics = plotted.Except(losses).ToList();
        var html = new StringBuilder();
        foreach (var (title, names) in new[] { ("loss", losses), ("metrics", metrics) })
        {
            if (names.Count > 0 && history.EpochCount > 0)
            {
                Panel(html, history, title, names);
            }
        }

        return html.ToString();
    }

    private static void Panel(StringBuilder svg, History history, string title, List<string> names)
    {
        var values = names.SelectMany(history.Series).Where(double.IsFinite).ToList();
        var (low, high) = values.Count == 0 ? (0.0, 1.0) : (values.Min(), values.Max());
        if (high - low < 1e-12)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        double X(int epoch) => history.EpochCount == 1 ? Left + ((Width - Left - Right) / 2.0) : Left + (epoch * (Width - Left - Right) / (double)(history.EpochCount - 1));
        double Y(double v) => Top + ((high - v) * (Height - Top - Bottom) / (high - low));

        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"kiln-history-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"14\" font-weight=\"bold\">{title}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#ccc\"/>");
        Label(svg, Left - 4, Y(high) + 4, History.Format(high), "end");
        Label(svg, Left - 4, Y(low) + 4, History.Format(low), "end");
        Label(svg, X(0), Height - Bottom + 14, "1", "middle");
        Label(svg, X(history.EpochCount - 1), Height - Bottom + 14, history.EpochCount.ToString(CultureInfo.InvariantCulture), "middle");
        Label(svg, (Left + Width - Right) / 2.0, Height - 4, "epoch", "middle");
        for (var i = 0; i < names.Count; i++)
        {
            var color = Colors[i % Colors.Length];
            var series = history.Series(names[i]);
            var points = Enumerable.Range(0, series.Count).Where(e => double.IsFinite(series[e]))
                .Select(e => string.Create(CultureInfo.InvariantCulture, $"{X(e):0.#},{Y(series[e]):0.#}")).ToList();
            svg.Append(CultureInfo.InvariantCulture, $"<polyline data-series=\"{WebUtility.HtmlEncode(names[i])}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right - 4}\" y=\"{Top + 14 + (i * 13)}\" text-anchor=\"end\" fill=\"{color}\">{WebUtility.HtmlEncode(names[i])}</text>");
        }

        svg.Append("</svg>");
    }

    private static void Label(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" fill=\"#555\">{text}</text>");
}
