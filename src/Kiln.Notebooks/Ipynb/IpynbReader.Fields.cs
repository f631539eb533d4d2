using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Notebooks.Json;

namespace Kiln.Notebooks.Ipynb;

/// <summary>Typed field access that reports the file position of a missing or wrong-typed field.</summary>
internal sealed partial class IpynbReader
{
    private int RequireInt(JsonObject owner, string key) =>
        OptionalInt(owner, key) ?? throw ErrorAt(owner, key, $"expected \"{key}\" to be an integer");

    private int? OptionalInt(JsonObject owner, string key)
    {
        var node = owner[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out int number))
        {
            return number;
        }

        throw ErrorAt(owner, key, $"expected \"{key}\" to be an integer or null");
    }

    private string RequireString(JsonObject owner, string key)
    {
        if (owner[key] is JsonValue value && value.TryGetValue(out string? text))
        {
            return text;
        }

        throw ErrorAt(owner, key, owner.ContainsKey(key) ? $"expected \"{key}\" to be a string" : $"missing required string \"{key}\"");
    }

    private JsonObject RequireObject(JsonObject owner, string key) =>
        OptionalObject(owner, key) ?? throw ErrorAt(owner, key, $"missing required object \"{key}\"");

    /// <summary>Detaches and returns the object at <paramref name="key"/>, or null when the key is absent or null.</summary>
    private JsonObject? OptionalObject(JsonObject owner, string key)
    {
        var node = owner[key];
        if (node is null)
        {
            owner.Remove(key);
            return null;
        }

        if (node is not JsonObject obj)
        {
            throw ErrorAt(owner, key, $"expected \"{key}\" to be an object");
        }

        owner.Remove(key);
        return obj;
    }

    private JsonArray RequireArray(JsonObject owner, string key) => owner[key] switch
    {
        JsonArray array => array,
        null when !owner.ContainsKey(key) => throw ErrorAt(owner, key, $"missing required array \"{key}\""),
        _ => throw ErrorAt(owner, key, $"expected \"{key}\" to be an array"),
    };

    /// <summary>Reads a multiline string stored as one string or as a list of strings (nbformat <c>multiline_string</c>).</summary>
    private string? ReadMultiline(JsonObject owner, string key, bool required)
    {
        var node = owner[key];
        if (node is JsonValue value && value.TryGetValue(out string? text))
        {
            return text;
        }

        if (node is JsonArray lines && TryJoinStrings(lines, out var joined))
        {
            return joined;
        }

        if (node is null && !owner.ContainsKey(key) && !required)
        {
            return null;
        }

        throw ErrorAt(owner, key, owner.ContainsKey(key)
            ? $"expected \"{key}\" to be a string or an array of strings"
            : $"missing required \"{key}\" (a string or an array of strings)");
    }

    private NotebookFormatException ErrorAt(JsonObject owner, string key, string problem) =>
        Error(_positions.OfProperty(owner, key), problem);

    private NotebookFormatException ErrorAt(JsonNode? node, string problem) => Error(_positions.Of(node), problem);

    private NotebookFormatException Error(SourcePosition? position, string problem) =>
        new(_sourceName, position?.Line, position?.Column, problem);
}
