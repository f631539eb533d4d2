using System.Text.Json.Nodes;
using Kiln.Notebooks.Json;

namespace Kiln.Notebooks.Ipynb;

/// <summary>Writes a <see cref="NotebookDocument"/> as nbformat 4.5 text, byte-identical to Python nbformat's <c>writes</c>.</summary>
/// <remarks>
/// nbformat <c>v4/nbjson.py</c>: <c>split_lines</c> on source, stream text, <c>text/*</c>, <c>application/javascript</c>
/// and <c>image/svg+xml</c>; <c>strip_transient</c> drops <c>metadata.orig_nbformat</c>, <c>orig_nbformat_minor</c>,
/// <c>signature</c> and cell <c>metadata.trusted</c>; a trailing newline as <c>nbformat.write</c> adds.
/// </remarks>
internal static class IpynbWriter
{
    private static readonly string[] TransientNotebookKeys = ["orig_nbformat", "orig_nbformat_minor", "signature"];
    private static readonly string[] TransientCellKeys = ["trusted"];

    /// <summary>Serializes <paramref name="document"/>; cells without a valid unique id get one first.</summary>
    public static string Write(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.EnsureCellIds();
        var w = new PythonJsonWriter(indented: true);
        var members = new List<KeyValuePair<string, Action>>
        {
            new("cells", () => w.WriteArray(document.Cells.ToList(), cell => WriteCell(w, cell))),
            new("metadata", () => WriteWithout(w, document.Metadata, TransientNotebookKeys)),
            new("nbformat", () => w.WriteInt(4)),
            new("nbformat_minor", () => w.WriteInt(5)),
        };
        AddExtras(w, members, document.ExtraProperties);
        w.WriteObject(members);
        return w + "\n";
    }

    private static void WriteCell(PythonJsonWriter w, NotebookCell cell)
    {
        var members = new List<KeyValuePair<string, Action>>
        {
            new("cell_type", () => w.WriteString(cell.CellType)),
            new("id", () => w.WriteString(cell.Id!)),
            new("metadata", () => WriteWithout(w, cell.Metadata, TransientCellKeys)),
            new("source", () => w.WriteStringArray(PythonText.SplitLines(cell.Source))),
        };
        if (cell.Attachments is { } attachments)
        {
            members.Add(new("attachments", () => WriteAttachments(w, attachments)));
        }

        if (cell.IsCode)
        {
            members.Add(new("execution_count", () => w.WriteNullableInt(cell.ExecutionCount)));
            members.Add(new("outputs", () => w.WriteArray(cell.Outputs.ToList(), output => WriteOutput(w, output))));
        }

        AddExtras(w, members, cell.ExtraProperties);
        w.WriteObject(members);
    }

    private static void WriteOutput(PythonJsonWriter w, NotebookOutput output)
    {
        if (output is UnknownOutput unknown)
        {
            w.WriteNode(unknown.Raw);
            return;
        }

        var members = new List<KeyValuePair<string, Action>> { new("output_type", () => w.WriteString(output.OutputType)) };
        switch (output)
        {
            case StreamOutput stream:
                members.Add(new("name", () => w.WriteString(stream.Name)));
                members.Add(new("text", () => w.WriteStringArray(PythonText.SplitLines(stream.Text))));
                break;
            case MimeOutput mime:
                members.Add(new("data", () => WriteBundle(w, mime.Data)));
                members.Add(new("metadata", () => w.WriteNode(mime.Metadata)));
                if (mime is ExecuteResultOutput result)
                {
                    members.Add(new("execution_count", () => w.WriteNullableInt(result.ExecutionCount)));
                }

                break;
            case ErrorOutput error:
                members.Add(new("ename", () => w.WriteString(error.EName)));
                members.Add(new("evalue", () => w.WriteString(error.EValue)));
                members.Add(new("traceback", () => w.WriteStringArray(error.Traceback.ToList())));
                break;
        }

        AddExtras(w, members, output.ExtraProperties);
        w.WriteObject(members);
    }

    private static void WriteAttachments(PythonJsonWriter w, JsonObject attachments)
    {
        var members = new List<KeyValuePair<string, Action>>();
        foreach (var (name, bundle) in attachments)
        {
            members.Add(new(name, bundle is JsonObject obj ? () => WriteBundle(w, obj) : () => w.WriteNode(bundle)));
        }

        w.WriteObject(members);
    }

    /// <summary>Writes a MIME bundle, splitting string values as nbformat's <c>_split_mimebundle</c>.</summary>
    private static void WriteBundle(PythonJsonWriter w, JsonObject bundle)
    {
        var members = new List<KeyValuePair<string, Action>>();
        foreach (var (mimeType, value) in bundle)
        {
            var split = value is JsonValue v && v.TryGetValue(out string? text) && IsSplitMimeType(mimeType) ? text : null;
            members.Add(new(mimeType, split is null ? () => w.WriteNode(value) : () => w.WriteStringArray(PythonText.SplitLines(split))));
        }

        w.WriteObject(members);
    }

    private static bool IsSplitMimeType(string mimeType) =>
        mimeType.StartsWith("text/", StringComparison.Ordinal) || mimeType is "application/javascript" or "image/svg+xml";

    private static void WriteWithout(PythonJsonWriter w, JsonObject obj, string[] skip)
    {
        var members = new List<KeyValuePair<string, Action>>();
        foreach (var (key, value) in obj)
        {
            if (!skip.Contains(key))
            {
                members.Add(new(key, () => w.WriteNode(value)));
            }
        }

        w.WriteObject(members);
    }

    /// <summary>Adds the unknown keys, skipping any the model already writes.</summary>
    private static void AddExtras(PythonJsonWriter w, List<KeyValuePair<string, Action>> members, JsonObject extras)
    {
        var known = members.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in extras)
        {
            if (!known.Contains(key))
            {
                members.Add(new(key, () => w.WriteNode(value)));
            }
        }
    }
}
