using System.Collections;
using System.Net;
using System.Text;
using Kiln.Display;

namespace Kiln.Kernel.Formatting;

/// <summary>The default <c>text/html</c> rendering: sequences as an indexed table, objects as a property table.</summary>
/// <remarks>Everything is HTML-encoded; no <c>&lt;style&gt;</c> is emitted, so saved notebooks stay small.</remarks>
internal static class HtmlFormatter
{
    private const string ValueColumn = "value";

    /// <summary>Renders <paramref name="value"/> as an HTML fragment.</summary>
    public static string Format(object value)
    {
        var type = value.GetType();
        if (value is IEnumerable sequence and not string && !ValueInspector.IsScalar(type))
        {
            return SequenceTable(sequence);
        }

        var members = ValueInspector.IsScalar(type) || value is Exception or IDisplayable ? [] : ValueInspector.Members(type);
        if (members.Count == 0)
        {
            return "<pre>" + Encode(PlainTextFormatter.Format(value)) + "</pre>";
        }

        var builder = new StringBuilder("<table><caption>").Append(Encode(ValueInspector.TypeName(type))).Append("</caption><tbody>");
        foreach (var member in members)
        {
            builder.Append("<tr><th>").Append(Encode(member.Name)).Append("</th><td>")
                .Append(Cell(ValueInspector.Read(member, value))).Append("</td></tr>");
        }

        return builder.Append("</tbody></table>").ToString();
    }

    private static string SequenceTable(IEnumerable sequence)
    {
        var (items, remaining) = ValueInspector.Take(sequence, Formatter.ListExpansionLimit);
        var rows = items.Select(Row.From).ToList();
        var columns = rows.SelectMany(r => r.Columns.Keys).Distinct(StringComparer.Ordinal).ToList();
        var hasKey = rows.Exists(r => r.HasKey);
        var showType = rows.Where(r => r.Element is not null).Select(r => r.Element!.GetType()).Distinct().Skip(1).Any();

        var builder = new StringBuilder("<table><thead><tr><th><i>").Append(hasKey ? "key" : "index").Append("</i></th>");
        if (showType)
        {
            builder.Append("<th><i>type</i></th>");
        }

        foreach (var column in columns)
        {
            builder.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        builder.Append("</tr></thead><tbody>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            builder.Append("<tr><td>").Append(row.HasKey ? Cell(row.Key) : i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("</td>");
            if (showType)
            {
                builder.Append("<td>").Append(Encode(row.Element is null ? string.Empty : ValueInspector.TypeName(row.Element.GetType()))).Append("</td>");
            }

            foreach (var column in columns)
            {
                builder.Append("<td>").Append(row.Columns.TryGetValue(column, out var cell) ? Cell(cell) : string.Empty).Append("</td>");
            }

            builder.Append("</tr>");
        }

        if (remaining != 0)
        {
            var span = 1 + (showType ? 1 : 0) + columns.Count;
            builder.Append("<tr><td colspan=\"").Append(span).Append("\"><i>")
                .Append(remaining > 0 ? $"({remaining} more)" : "... (more)").Append("</i></td></tr>");
        }

        return builder.Append("</tbody></table>").ToString();
    }

    private static string Cell(object? value)
    {
        if (value is not null && Formatter.FormatNested(value, MimeTypes.Html) is { } custom)
        {
            return custom;
        }

        return Encode(PlainTextFormatter.Inline(value, 1));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private sealed record Row(bool HasKey, object? Key, object? Element, Dictionary<string, object?> Columns)
    {
        public static Row From(object? item)
        {
            var hasKey = false;
            object? key = null;
            var element = item;
            if (item is DictionaryEntry entry)
            {
                (hasKey, key, element) = (true, entry.Key, entry.Value);
            }
            else if (item is not null && item.GetType() is { IsGenericType: true } type
                && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            {
                (hasKey, key, element) = (true, type.GetProperty("Key")!.GetValue(item), type.GetProperty("Value")!.GetValue(item));
            }

            var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (element is null || ValueInspector.IsScalar(element.GetType()) || element is IEnumerable or IDisplayable or Exception
                || Formatter.FormatNested(element, MimeTypes.Html) is not null)
            {
                columns[ValueColumn] = element;
            }
            else
            {
                var members = ValueInspector.Members(element.GetType());
                if (members.Count == 0)
                {
                    columns[ValueColumn] = element;
                }

                foreach (var member in members)
                {
                    columns[member.Name] = ValueInspector.Read(member, element);
                }
            }

            return new Row(hasKey, key, element, columns);
        }
    }
}
