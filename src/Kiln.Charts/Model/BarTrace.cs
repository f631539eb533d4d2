using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>A plotly.js <c>bar</c> trace.</summary>
public sealed record BarTrace : Trace
{
    /// <summary>Creates bars of height <paramref name="values"/> at <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public BarTrace(DataArray keys, DataArray values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (keys.Count != values.Count)
        {
            throw new ArgumentException($"There are {keys.Count} keys but {values.Count} values; pass one value per key.", nameof(values));
        }

        Keys = keys;
        Values = values;
    }

    /// <summary>The bar positions or categories.</summary>
    public DataArray Keys { get; init; }

    /// <summary>The bar lengths.</summary>
    public DataArray Values { get; init; }

    /// <summary>Whether bars grow up (vertical, the default) or to the right (horizontal).</summary>
    public BarOrientation Orientation { get; init; } = BarOrientation.Vertical;

    /// <inheritdoc/>
    public override string Type => "bar";

    /// <inheritdoc/>
    public override string KindName => "Bar";

    /// <inheritdoc/>
    public override int PointCount => Values.Count;

    /// <inheritdoc/>
    protected override void WriteData(JsonObject json)
    {
        var horizontal = Orientation == BarOrientation.Horizontal;
        json["x"] = horizontal ? Values.ToJson() : Keys.ToJson();
        json["y"] = horizontal ? Keys.ToJson() : Values.ToJson();
        json["orientation"] = horizontal ? "h" : "v";
        if (ColorObject() is { } marker)
        {
            json["marker"] = marker;
        }
    }
}
