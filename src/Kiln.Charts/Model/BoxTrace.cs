using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>A plotly.js <c>box</c> trace: median, quartiles and whiskers computed by plotly.js.</summary>
public sealed record BoxTrace : Trace
{
    /// <summary>Creates a box of <paramref name="values"/>.</summary>
    public BoxTrace(DataArray values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>The raw values summarized by the box.</summary>
    public DataArray Values { get; init; }

    /// <summary>Whether every sample is drawn beside the box (plotly.js <c>boxpoints: "all"</c>).</summary>
    public bool ShowPoints { get; init; }

    /// <inheritdoc/>
    public override string Type => "box";

    /// <inheritdoc/>
    public override string KindName => "Box";

    /// <inheritdoc/>
    public override int PointCount => Values.Count;

    /// <inheritdoc/>
    protected override void WriteData(JsonObject json)
    {
        json["y"] = Values.ToJson();
        if (ShowPoints)
        {
            json["boxpoints"] = "all";
        }

        if (ColorObject() is { } marker)
        {
            json["marker"] = marker;
        }
    }
}
