using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Notebooks.Json;

/// <summary>Writes JSON text byte-compatible with Python's <c>json.dumps</c> as nbformat calls it.</summary>
/// <remarks>
/// Indented mode matches <c>json.dumps(indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)</c>;
/// compact mode writes no whitespace and keeps key order (used for the <c>.dib</c> <c>#!meta</c> line).
/// Numbers parsed from a file keep their original text; numbers created in code are written as Python would.
/// </remarks>
internal sealed class PythonJsonWriter
{
    private readonly StringBuilder _sb = new();
    private readonly bool _indented;
    private int _depth;

    /// <summary>Creates a writer; <paramref name="indented"/> selects nbformat's layout, otherwise compact output.</summary>
    public PythonJsonWriter(bool indented) => _indented = indented;

    /// <summary>Returns the text written so far.</summary>
    public override string ToString() => _sb.ToString();

    /// <summary>Writes an object whose members are written by callbacks, sorted by key in indented mode.</summary>
    public void WriteObject(IReadOnlyList<KeyValuePair<string, Action>> members)
    {
        if (members.Count == 0)
        {
            _sb.Append("{}");
            return;
        }

        IEnumerable<KeyValuePair<string, Action>> ordered = _indented ? members.OrderBy(m => m.Key, CodePointComparer.Instance) : members;
        _sb.Append('{');
        _depth++;
        var first = true;
        foreach (var member in ordered)
        {
            Separator(ref first);
            WriteString(member.Key);
            _sb.Append(_indented ? ": " : ":");
            member.Value();
        }

        _depth--;
        NewLine();
        _sb.Append('}');
    }

    /// <summary>Writes an array whose elements are written by callbacks.</summary>
    public void WriteArray<T>(ICollection<T> items, Action<T> writeItem)
    {
        if (items.Count == 0)
        {
            _sb.Append("[]");
            return;
        }

        _sb.Append('[');
        _depth++;
        var first = true;
        foreach (var item in items)
        {
            Separator(ref first);
            writeItem(item);
        }

        _depth--;
        NewLine();
        _sb.Append(']');
    }

    /// <summary>Writes a string array (for example lines produced by <see cref="PythonText.SplitLines"/>).</summary>
    public void WriteStringArray(ICollection<string> items) => WriteArray(items, WriteString);

    /// <summary>Writes a JSON node (null writes <c>null</c>).</summary>
    public void WriteNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                _sb.Append("null");
                break;
            case JsonObject obj:
                var members = new List<KeyValuePair<string, Action>>(obj.Count);
                foreach (var (key, value) in obj)
                {
                    members.Add(new(key, () => WriteNode(value)));
                }

                WriteObject(members);
                break;
            case JsonArray array:
                WriteArray<JsonNode?>(array, WriteNode);
                break;
            case JsonValue value:
                WriteValue(value);
                break;
        }
    }

    /// <summary>Writes an integer.</summary>
    public void WriteInt(long value) => _sb.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes <c>null</c> or an integer.</summary>
    public void WriteNullableInt(int? value)
    {
        if (value is { } v)
        {
            WriteInt(v);
        }
        else
        {
            _sb.Append("null");
        }
    }

    /// <summary>Writes a string with Python's escaping for <c>ensure_ascii=False</c>.</summary>
    public void WriteString(string value)
    {
        _sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                case '\b': _sb.Append("\\b"); break;
                case '\f': _sb.Append("\\f"); break;
                case < ' ': _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: _sb.Append(c); break;
            }
        }

        _sb.Append('"');
    }

    private void WriteValue(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            WriteElement(element);
        }
        else if (value.TryGetValue(out string? text))
        {
            WriteString(text);
        }
        else if (value.TryGetValue(out bool flag))
        {
            _sb.Append(flag ? "true" : "false");
        }
        else if (value.TryGetValue(out double d))
        {
            _sb.Append(PythonFloat.Repr(d));
        }
        else if (value.TryGetValue(out float f))
        {
            _sb.Append(PythonFloat.Repr(f));
        }
        else
        {
            // Integers, decimals, chars, dates and other CLR values: System.Text.Json's text, re-read to apply our escaping.
            WriteElement(JsonElement.Parse(value.ToJsonString()));
        }
    }

    private void WriteElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                WriteNode(JsonNode.Parse(element.GetRawText()));
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!);
                break;
            case JsonValueKind.Number:
                _sb.Append(element.GetRawText());
                break;
            case JsonValueKind.True:
                _sb.Append("true");
                break;
            case JsonValueKind.False:
                _sb.Append("false");
                break;
            default:
                _sb.Append("null");
                break;
        }
    }

    private void Separator(ref bool first)
    {
        if (!first)
        {
            _sb.Append(',');
        }

        first = false;
        NewLine();
    }

    private void NewLine()
    {
        if (_indented)
        {
            _sb.Append('\n').Append(' ', _depth);
        }
    }
}
