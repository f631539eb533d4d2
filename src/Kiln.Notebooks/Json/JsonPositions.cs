using System.Text.Json.Nodes;

namespace Kiln.Notebooks.Json;

/// <summary>A 1-based line and column in a source text.</summary>
internal readonly record struct SourcePosition(int Line, int Column);

/// <summary>Where parsed JSON values and object properties started in the source text.</summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<JsonNode, SourcePosition> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JsonObject, Dictionary<string, SourcePosition>> _properties = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records where <paramref name="node"/> starts.</summary>
    public void SetNode(JsonNode node, SourcePosition position) => _nodes[node] = position;

    /// <summary>Records where the value of property <paramref name="key"/> of <paramref name="owner"/> starts.</summary>
    public void SetProperty(JsonObject owner, string key, SourcePosition position)
    {
        if (!_properties.TryGetValue(owner, out var map))
        {
            map = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
            _properties[owner] = map;
        }

        map[key] = position;
    }

    /// <summary>Gets where <paramref name="node"/> starts, if known.</summary>
    public SourcePosition? Of(JsonNode? node) =>
        node is not null && _nodes.TryGetValue(node, out var position) ? position : null;

    /// <summary>Gets where the value of <paramref name="key"/> starts, else where the object itself starts.</summary>
    public SourcePosition? OfProperty(JsonObject owner, string key) =>
        _properties.TryGetValue(owner, out var map) && map.TryGetValue(key, out var position) ? position : Of(owner);
}
