namespace Kiln.Charts;

/// <summary>How bars and histograms that share a position are laid out (plotly.js <c>layout.barmode</c>).</summary>
public enum BarMode
{
    /// <summary>Side by side (<c>"group"</c>, plotly's default).</summary>
    Group,

    /// <summary>On top of each other, drawn translucent (<c>"overlay"</c>).</summary>
    Overlay,

    /// <summary>Stacked (<c>"stack"</c>).</summary>
    Stack,
}
