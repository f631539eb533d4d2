using System.Globalization;
using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>The settings of one axis (plotly.js <c>layout.xaxis</c>, <c>layout.yaxis2</c>, …).</summary>
public sealed record Axis
{
    /// <summary>The axis title, written in plotly's <c>{"text": …}</c> form.</summary>
    public string? Title { get; init; }

    /// <summary>The axis scale.</summary>
    public AxisType Type { get; init; } = AxisType.Auto;

    /// <summary>The visible range as (min, max) in data units (log axes: in data units too); null autoscales.</summary>
    public (double Min, double Max)? Range { get; init; }

    /// <summary>Whether the axis runs backwards (plotly.js <c>autorange: "reversed"</c>), as a matrix's row axis does.</summary>
    public bool Reversed { get; init; }

    /// <summary>The fraction of the plot area the axis spans, as (start, end) in [0, 1]; set by grids.</summary>
    public (double Start, double End)? Domain { get; init; }

    /// <summary>The id of the axis this one crosses (<c>"y2"</c> for <c>xaxis2</c>); set by grids.</summary>
    public string? Anchor { get; init; }

    /// <summary>Returns the axis as plotly.js layout JSON.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Title is not null)
        {
            json["title"] = new JsonObject { ["text"] = Title };
        }

        if (Type != AxisType.Auto)
        {
            json["type"] = Type.ToString().ToLower(CultureInfo.InvariantCulture);
        }

        if (Range is var (min, max))
        {
            json["range"] = Type == AxisType.Log
                ? new JsonArray(Math.Log10(min), Math.Log10(max))
                : new JsonArray(min, max);
        }

        if (Reversed)
        {
            json["autorange"] = "reversed";
        }

        if (Domain is var (start, end))
        {
            json["domain"] = new JsonArray(Math.Round(start, 6), Math.Round(end, 6));
        }

        if (Anchor is not null)
        {
            json["anchor"] = Anchor;
        }

        return json;
    }

    /// <summary>Combines two axes: the settings of this one win, the unset ones come from <paramref name="other"/>.</summary>
    public Axis MergedWith(Axis? other) => other is null ? this : this with
    {
        Title = Title ?? other.Title,
        Type = Type == AxisType.Auto ? other.Type : Type,
        Range = Range ?? other.Range,
        Reversed = Reversed || other.Reversed,
        Domain = Domain ?? other.Domain,
        Anchor = Anchor ?? other.Anchor,
    };
}
