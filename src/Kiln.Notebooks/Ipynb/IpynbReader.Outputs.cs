using System.Text.Json.Nodes;

namespace Kiln.Notebooks.Ipynb;

/// <summary>Reading the four nbformat output types; other types are kept as raw JSON.</summary>
internal sealed partial class IpynbReader
{
    private NotebookOutput ReadOutput(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw ErrorAt(node, "expected each element of \"outputs\" to be an object");
        }

        var outputType = RequireString(obj, "output_type");
        NotebookOutput output;
        string[] known;
        switch (outputType)
        {
            case OutputTypes.Stream:
                var name = RequireString(obj, "name");
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw ErrorAt(obj, "name", "expected the stream \"name\" to be \"stdout\" or \"stderr\", not an empty string");
                }

                output = new StreamOutput(name, ReadMultiline(obj, "text", required: true)!);
                known = ["name", "text"];
                break;
            case OutputTypes.DisplayData:
                output = ReadMimeOutput(obj, new DisplayDataOutput());
                known = [];
                break;
            case OutputTypes.ExecuteResult:
                output = ReadMimeOutput(obj, new ExecuteResultOutput { ExecutionCount = OptionalInt(obj, "execution_count") });
                known = ["execution_count"];
                break;
            case OutputTypes.Error:
                output = new ErrorOutput(RequireString(obj, "ename"), RequireString(obj, "evalue"), ReadStringArray(obj, "traceback"));
                known = ["ename", "evalue", "traceback"];
                break;
            default:
                return new UnknownOutput(obj);
        }

        obj.Remove("output_type");
        foreach (var key in known)
        {
            obj.Remove(key);
        }

        MoveRest(obj, output.ExtraProperties);
        return output;
    }

    private MimeOutput ReadMimeOutput(JsonObject obj, MimeOutput output)
    {
        output.Data = OptionalObject(obj, "data") ?? [];
        output.Metadata = OptionalObject(obj, "metadata") ?? [];
        RejoinBundle(output.Data);
        return output;
    }

    private List<string> ReadStringArray(JsonObject owner, string key)
    {
        var array = RequireArray(owner, key);
        var items = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue(out string? text))
            {
                throw ErrorAt(item ?? (JsonNode)array, $"expected every element of \"{key}\" to be a string");
            }

            items.Add(text);
        }

        return items;
    }
}
