using System.Text.Json.Nodes;
using Kiln.Display;
using Kiln.Notebooks.Json;

namespace Kiln.Notebooks.Ipynb;

/// <summary>Turns parsed nbformat 4.0–4.5 JSON into a <see cref="NotebookDocument"/>, rejoining split lines like nbformat.</summary>
internal sealed partial class IpynbReader
{
    private readonly string _sourceName;
    private readonly JsonPositions _positions;

    private IpynbReader(string sourceName, JsonPositions positions)
    {
        _sourceName = sourceName;
        _positions = positions;
    }

    /// <summary>Parses <paramref name="text"/> as an .ipynb notebook.</summary>
    public static NotebookDocument Read(string text, string sourceName)
    {
        var (root, positions) = JsonTextParser.Parse(text, sourceName);
        var reader = new IpynbReader(sourceName, positions);
        if (root is not JsonObject obj)
        {
            throw reader.ErrorAt(root, "expected the notebook to be a JSON object");
        }

        return reader.ReadDocument(obj);
    }

    private NotebookDocument ReadDocument(JsonObject root)
    {
        var major = RequireInt(root, "nbformat");
        if (major != 4)
        {
            throw ErrorAt(root, "nbformat",
                $"nbformat {major} is not supported: Kiln reads nbformat 4.0 to 4.5 (upgrade the file with `jupyter nbconvert --to notebook --nbformat 4`)");
        }

        var minor = RequireInt(root, "nbformat_minor");
        if (minor is < 0 or > 5)
        {
            throw ErrorAt(root, "nbformat_minor", $"nbformat 4.{minor} is not supported: Kiln reads nbformat 4.0 to 4.5");
        }

        var document = new NotebookDocument { NbformatMajor = major, NbformatMinor = minor };
        document.Metadata = RequireObject(root, "metadata");
        var cells = RequireArray(root, "cells");
        foreach (var cellNode in cells.ToList())
        {
            if (cellNode is not JsonObject cell)
            {
                throw ErrorAt(cellNode, "expected each element of \"cells\" to be an object");
            }

            document.Cells.Add(ReadCell(cell));
        }

        root.Remove("nbformat");
        root.Remove("nbformat_minor");
        root.Remove("cells");
        MoveRest(root, document.ExtraProperties);
        document.EnsureCellIds();
        return document;
    }

    private NotebookCell ReadCell(JsonObject obj)
    {
        var cellType = RequireString(obj, "cell_type");
        if (string.IsNullOrWhiteSpace(cellType))
        {
            throw ErrorAt(obj, "cell_type", "expected \"cell_type\" to be \"code\", \"markdown\" or \"raw\", not an empty string");
        }

        var cell = new NotebookCell(cellType, ReadMultiline(obj, "source", required: true)!)
        {
            Id = obj.ContainsKey("id") ? RequireString(obj, "id") : null,
            Metadata = OptionalObject(obj, "metadata") ?? [],
        };
        if (OptionalObject(obj, "attachments") is { } attachments)
        {
            foreach (var (_, bundle) in attachments)
            {
                if (bundle is JsonObject bundleObject)
                {
                    RejoinBundle(bundleObject);
                }
            }

            cell.Attachments = attachments;
        }

        if (cell.IsCode)
        {
            cell.ExecutionCount = OptionalInt(obj, "execution_count");
            if (obj.ContainsKey("outputs"))
            {
                foreach (var outputNode in RequireArray(obj, "outputs").ToList())
                {
                    cell.Outputs.Add(ReadOutput(outputNode));
                }
            }

            obj.Remove("execution_count");
            obj.Remove("outputs");
        }

        foreach (var key in (string[])["cell_type", "id", "source"])
        {
            obj.Remove(key);
        }

        MoveRest(obj, cell.ExtraProperties);
        return cell;
    }

    /// <summary>Joins list-of-string values of non-JSON MIME types, exactly as nbformat's <c>_rejoin_mimebundle</c>.</summary>
    private static void RejoinBundle(JsonObject bundle)
    {
        foreach (var key in bundle.Select(p => p.Key).ToList())
        {
            if (!MimeTypes.IsJson(key) && bundle[key] is JsonArray lines && TryJoinStrings(lines, out var joined))
            {
                bundle[key] = joined;
            }
        }
    }

    private static bool TryJoinStrings(JsonArray lines, out string joined)
    {
        var parts = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (line is not JsonValue value || !value.TryGetValue(out string? text))
            {
                joined = string.Empty;
                return false;
            }

            parts.Add(text);
        }

        joined = string.Concat(parts);
        return true;
    }

    /// <summary>Moves every remaining property of <paramref name="source"/> into <paramref name="target"/>, in order.</summary>
    private static void MoveRest(JsonObject source, JsonObject target)
    {
        foreach (var key in source.Select(p => p.Key).ToList())
        {
            var value = source[key];
            source.Remove(key);
            target[key] = value;
        }
    }
}
