using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>A text label placed on the figure, in paper coordinates (0 to 1 across the plot area).</summary>
/// <remarks>plotly.js: <c>layout.annotations</c> with <c>xref = yref = "paper"</c>; grids use these as subplot titles.</remarks>
public sealed record Annotation(string Text, double X, double Y)
{
    /// <summary>Which side of the text sits at <see cref="X"/>: <c>"left"</c>, <c>"center"</c> or <c>"right"</c>.</summary>
    public string XAnchor { get; init; } = "center";

    /// <summary>Which side of the text sits at <see cref="Y"/>: <c>"top"</c>, <c>"middle"</c> or <c>"bottom"</c>.</summary>
    public string YAnchor { get; init; } = "bottom";

    /// <summary>Returns the annotation as plotly.js layout JSON.</summary>
    public JsonObject ToJson() => new()
    {
        ["text"] = Text,
        ["x"] = Math.Round(X, 6),
        ["y"] = Math.Round(Y, 6),
        ["xref"] = "paper",
        ["yref"] = "paper",
        ["xanchor"] = XAnchor,
        ["yanchor"] = YAnchor,
        ["showarrow"] = false,
    };
}
