using System.Globalization;
using System.Net;
using System.Text;
using Kiln.Display;

namespace Kiln.Data;

/// <summary>Notebook display: an HTML table with a plain-text fallback.</summary>
public sealed partial class Frame : IDisplayable
{
    /// <summary>How many rows <see cref="ToMimeBundle"/> and <see cref="ToString()"/> show before "… N more rows".</summary>
    public static int DisplayRows { get; set; } = 10;

    /// <summary>Renders the first <see cref="DisplayRows"/> rows as an HTML table with column kinds, plus plain text.</summary>
    /// <remarks>Floating-point cells show six significant digits, as pandas' display; CSV output keeps full precision.</remarks>
    public MimeBundle ToMimeBundle() => new MimeBundle()
        .Add(MimeTypes.Html, ToHtml(DisplayRows))
        .Add(MimeTypes.PlainText, ToString(DisplayRows));

    /// <summary>Returns the frame as fixed-width text showing the first <see cref="DisplayRows"/> rows.</summary>
    public override string ToString() => ToString(DisplayRows);

    /// <summary>Returns the frame as fixed-width text showing the first <paramref name="rows"/> rows.</summary>
    public string ToString(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var shown = Math.Min(rows, RowCount);
        var cells = new List<string[]>
        {
            _columns.Select(c => c.Name).ToArray(),
            _columns.Select(c => c.Kind.ToString()).ToArray(),
        };
        for (var r = 0; r < shown; r++)
        {
            cells.Add(_columns.Select(c => Cell(c, r)).ToArray());
        }

        var widths = Enumerable.Range(0, _columns.Length).Select(i => cells.Max(row => row[i].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in cells)
        {
            sb.AppendJoin("  ", row.Select((v, i) => v.PadLeft(widths[i]))).Append('\n');
        }

        sb.Append(Footer(shown));
        return sb.ToString();
    }

    private string ToHtml(int rows)
    {
        var shown = Math.Min(rows, RowCount);
        var sb = new StringBuilder("<table class=\"kiln-frame\">\n<thead>\n<tr><th></th>");
        foreach (var c in _columns)
        {
            sb.Append("<th>").Append(WebUtility.HtmlEncode(c.Name)).Append("</th>");
        }

        sb.Append("</tr>\n<tr><th></th>");
        foreach (var c in _columns)
        {
            sb.Append("<th><small>").Append(c.Kind).Append("</small></th>");
        }

        sb.Append("</tr>\n</thead>\n<tbody>\n");
        for (var r = 0; r < shown; r++)
        {
            sb.Append("<tr><th>").Append(r.ToString(CultureInfo.InvariantCulture)).Append("</th>");
            foreach (var c in _columns)
            {
                sb.Append("<td>").Append(WebUtility.HtmlEncode(Cell(c, r))).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p>").Append(Footer(shown)).Append("</p>");
        return sb.ToString();
    }

    private string Footer(int shown)
    {
        var more = RowCount - shown;
        var size = string.Create(CultureInfo.InvariantCulture, $"{RowCount} rows × {ColumnCount} columns");
        return more > 0 ? string.Create(CultureInfo.InvariantCulture, $"… {more} more rows ({size})") : size;
    }

    /// <summary>Formats a cell for display: nulls as "null", floating point with six significant digits as pandas.</summary>
    private static string Cell(DataColumn c, int row) =>
        c.IsNull(row) ? "null"
        : c.Kind is DataKind.Float64 or DataKind.Float32 ? c.GetDouble(row).ToString("G6", CultureInfo.InvariantCulture)
        : c.FormatValue(row);
}
