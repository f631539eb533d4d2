using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>One plotly.js trace: a data series and how to draw it.</summary>
/// <remarks>Serialized as one element of the figure's <c>data</c> array (plotly.js reference: "Figure Reference").</remarks>
public abstract record Trace
{
    /// <summary>The legend entry and hover label of the trace.</summary>
    public string? Name { get; init; }

    /// <summary>A CSS color for the trace (<c>"#1f77b4"</c>, <c>"red"</c>, <c>"rgb(31,119,180)"</c>); null uses plotly's colorway.</summary>
    public string? Color { get; init; }

    /// <summary>Whether the trace has a legend entry; null leaves plotly's default.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>The x axis the trace is drawn on (<c>"x"</c>, <c>"x2"</c>, …); grids assign these.</summary>
    public string XAxisId { get; init; } = "x";

    /// <summary>The y axis the trace is drawn on (<c>"y"</c>, <c>"y2"</c>, …); grids assign these.</summary>
    public string YAxisId { get; init; } = "y";

    /// <summary>The plotly.js trace type (<c>"scatter"</c>, <c>"bar"</c>, …).</summary>
    public abstract string Type { get; }

    /// <summary>A readable name of the chart kind, such as "Line" or "Histogram".</summary>
    public abstract string KindName { get; }

    /// <summary>The number of data points (cells for a heatmap).</summary>
    public abstract int PointCount { get; }

    /// <summary>Returns the trace as plotly.js trace JSON.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        if (Name is not null)
        {
            json["name"] = Name;
        }

        WriteData(json);
        if (ShowLegend is { } show)
        {
            json["showlegend"] = show;
        }

        if (XAxisId != "x")
        {
            json["xaxis"] = XAxisId;
        }

        if (YAxisId != "y")
        {
            json["yaxis"] = YAxisId;
        }

        return json;
    }

    /// <summary>Writes the type-specific attributes into <paramref name="json"/>.</summary>
    protected abstract void WriteData(JsonObject json);

    /// <summary>Returns <c>{"color": Color}</c>, or null when no color is set.</summary>
    protected JsonObject? ColorObject() => Color is null ? null : new JsonObject { ["color"] = Color };
}
