using System.Globalization;
using System.Net;
using System.Text;
using Kiln.Display;

namespace Kiln.Nn.Training;

/// <summary>The per-epoch values (loss, metrics, validation values, learning rate) recorded by <see cref="Trainer.Fit"/>.</summary>
/// <remarks>Keras: <c>History.history</c>. Displays as a table and line charts; <see cref="Series"/> gives one column.</remarks>
public sealed class History : IDisplayable
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, List<double>> _series = new(StringComparer.Ordinal);

    /// <summary>The number of recorded epochs.</summary>
    public int EpochCount { get; private set; }

    /// <summary>The recorded series names, e.g. <c>loss</c>, <c>accuracy</c>, <c>val_loss</c>, <c>lr</c>.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The values of <paramref name="name"/>, one per epoch (NaN where an epoch lacks it).</summary>
    /// <exception cref="KeyNotFoundException">No series has that name.</exception>
    public IReadOnlyList<double> Series(string name) => _series.TryGetValue(name, out var s)
        ? s
        : throw new KeyNotFoundException($"History has no series '{name}'; it has: {string.Join(", ", _names)}.");

    /// <summary>Returns whether a series named <paramref name="name"/> was recorded.</summary>
    public bool Contains(string name) => _series.ContainsKey(name);

    /// <summary>The values of epoch <paramref name="epoch"/> (0-based) by name.</summary>
    public IReadOnlyDictionary<string, double> Epoch(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(epoch, EpochCount);
        return _names.ToDictionary(n => n, n => _series[n][epoch], StringComparer.Ordinal);
    }

    /// <summary>Appends one epoch's values.</summary>
    public void Add(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var name in values.Keys.Where(k => !_series.ContainsKey(k)))
        {
            _names.Add(name);
            _series[name] = [.. Enumerable.Repeat(double.NaN, EpochCount)];
        }

        foreach (var name in _names)
        {
            _series[name].Add(values.TryGetValue(name, out var v) ? v : double.NaN);
        }

        EpochCount++;
    }

    /// <summary>Formats the history as an aligned text table with one row per epoch.</summary>
    public override string ToString()
    {
        var header = new[] { "epoch" }.Concat(_names).ToArray();
        var rows = Enumerable.Range(0, EpochCount)
            .Select(e => new[] { (e + 1).ToString(CultureInfo.InvariantCulture) }.Concat(_names.Select(n => Format(_series[n][e]))).ToArray())
            .ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var sb = new StringBuilder(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
        foreach (var r in rows)
        {
            sb.Append('\n').Append(string.Join("  ", r.Select((c, i) => c.PadLeft(widths[i]))));
        }

        return sb.ToString();
    }

    /// <summary>Renders the history as an HTML table with SVG line charts (losses, other metrics), and as plain text.</summary>
    public MimeBundle ToMimeBundle()
    {
        var html = new StringBuilder("<table class=\"kiln-history\"><thead><tr><th>epoch</th>");
        foreach (var n in _names)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(n)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var e = 0; e < EpochCount; e++)
        {
            html.Append("<tr><td>").Append(e + 1).Append("</td>");
            foreach (var n in _names)
            {
                html.Append("<td>").Append(Format(_series[n][e])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>").Append(HistoryChart.Svg(this));
        return new MimeBundle().Add(MimeTypes.Html, html.ToString()).Add(MimeTypes.PlainText, ToString());
    }

    internal static string Format(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
