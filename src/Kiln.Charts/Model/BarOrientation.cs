namespace Kiln.Charts;

/// <summary>The direction bars grow in (plotly.js <c>orientation</c>).</summary>
public enum BarOrientation
{
    /// <summary>Vertical bars (<c>"v"</c>): keys on x, values on y.</summary>
    Vertical,

    /// <summary>Horizontal bars (<c>"h"</c>): values on x, keys on y.</summary>
    Horizontal,
}
