using System.Globalization;
using System.Net;
using System.Text;

namespace Kiln.Metrics.Internal;

/// <summary>Small HTML table builder for the notebook display of metric results.</summary>
internal static class Html
{
    /// <summary>Builds a table with a caption, a header row and body rows; every cell is HTML-encoded.</summary>
    public static string Table(string caption, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows, bool firstColumnIsHeader = true)
    {
        var sb = new StringBuilder();
        sb.Append("<table class=\"kiln-metrics\"><caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption><thead><tr>");
        foreach (var h in header)
        {
            sb.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            var first = true;
            foreach (var cell in row)
            {
                var tag = first && firstColumnIsHeader ? "th" : "td";
                sb.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(cell)).Append("</").Append(tag).Append('>');
                first = false;
            }

            sb.Append("</tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>A number with up to <paramref name="digits"/> decimals, invariant culture.</summary>
    public static string Number(double value, int digits = 4) =>
        double.IsNaN(value) ? "NaN" : Math.Round(value, digits).ToString("0.####", CultureInfo.InvariantCulture);
}
