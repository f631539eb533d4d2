namespace Kiln.Charts;

/// <summary>How a scatter trace draws its points (plotly.js <c>mode</c>).</summary>
public enum ScatterMode
{
    /// <summary>Markers only (<c>"markers"</c>).</summary>
    Markers,

    /// <summary>Lines only (<c>"lines"</c>).</summary>
    Lines,

    /// <summary>Lines with markers (<c>"lines+markers"</c>).</summary>
    LinesAndMarkers,
}
