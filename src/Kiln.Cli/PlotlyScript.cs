namespace Kiln.Cli;

/// <summary>The plotly.js copy that Kiln.Charts embeds, for pages that draw charts offline.</summary>
internal static class PlotlyScript
{
    public static Func<string>? Source => null;
}
