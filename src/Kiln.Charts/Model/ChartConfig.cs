using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>Options of the plotly.js renderer that are not part of the figure's look (plotly.js <c>config</c>).</summary>
public sealed record ChartConfig
{
    /// <summary>Whether the chart resizes with its container (default true).</summary>
    public bool Responsive { get; init; } = true;

    /// <summary>Whether the plotly logo appears in the mode bar (default false).</summary>
    public bool DisplayLogo { get; init; }

    /// <summary>Whether the chart is a static image without hover, zoom or mode bar (default false).</summary>
    public bool StaticPlot { get; init; }

    /// <summary>Returns the config as plotly.js config JSON.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["responsive"] = Responsive, ["displaylogo"] = DisplayLogo };
        if (StaticPlot)
        {
            json["staticPlot"] = true;
        }

        return json;
    }
}
