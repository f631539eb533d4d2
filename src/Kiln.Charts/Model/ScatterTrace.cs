using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>A plotly.js <c>scatter</c> trace: markers, lines or a filled area.</summary>
public sealed record ScatterTrace : Trace
{
    /// <summary>Creates a scatter trace of <paramref name="y"/> against <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public ScatterTrace(DataArray x, DataArray y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}; pass one x per y.", nameof(y));
        }

        X = x;
        Y = y;
    }

    /// <summary>The x values.</summary>
    public DataArray X { get; init; }

    /// <summary>The y values.</summary>
    public DataArray Y { get; init; }

    /// <summary>Whether points are drawn as markers, joined by lines, or both.</summary>
    public ScatterMode Mode { get; init; } = ScatterMode.Markers;

    /// <summary>The area fill, such as <c>"tozeroy"</c> for an area chart; null for none.</summary>
    public string? Fill { get; init; }

    /// <summary>The line dash style (<c>"dash"</c>, <c>"dot"</c>, <c>"dashdot"</c>); null for solid.</summary>
    public string? LineDash { get; init; }

    /// <summary>The marker size in pixels; null for plotly's default (6).</summary>
    public double? MarkerSize { get; init; }

    /// <inheritdoc/>
    public override string Type => "scatter";

    /// <inheritdoc/>
    public override string KindName => Fill is not null ? "Area" : Mode == ScatterMode.Markers ? "Scatter" : "Line";

    /// <inheritdoc/>
    public override int PointCount => Y.Count;

    /// <inheritdoc/>
    protected override void WriteData(JsonObject json)
    {
        json["mode"] = Mode switch
        {
            ScatterMode.Lines => "lines",
            ScatterMode.LinesAndMarkers => "lines+markers",
            _ => "markers",
        };
        json["x"] = X.ToJson();
        json["y"] = Y.ToJson();
        if (Fill is not null)
        {
            json["fill"] = Fill;
        }

        if (Mode != ScatterMode.Markers && (Color is not null || LineDash is not null))
        {
            var line = ColorObject() ?? [];
            if (LineDash is not null)
            {
                line["dash"] = LineDash;
            }

            json["line"] = line;
        }

        if (Mode != ScatterMode.Lines && (Color is not null || MarkerSize is not null))
        {
            var marker = ColorObject() ?? [];
            if (MarkerSize is { } size)
            {
                marker["size"] = size;
            }

            json["marker"] = marker;
        }
    }
}
