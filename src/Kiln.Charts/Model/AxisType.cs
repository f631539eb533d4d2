namespace Kiln.Charts;

/// <summary>The scale of an axis (plotly.js <c>axis.type</c>).</summary>
public enum AxisType
{
    /// <summary>Let plotly.js infer the type from the data (<c>"-"</c>, the default).</summary>
    Auto,

    /// <summary>A linear scale (<c>"linear"</c>).</summary>
    Linear,

    /// <summary>A base-10 logarithmic scale (<c>"log"</c>).</summary>
    Log,

    /// <summary>A date scale (<c>"date"</c>).</summary>
    Date,

    /// <summary>Categories in order of appearance (<c>"category"</c>).</summary>
    Category,
}
