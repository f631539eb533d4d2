namespace Kiln.Runner.Reports;

/// <summary>Options for the static HTML rendering of executed notebooks (<c>kiln run --html</c>).</summary>
public sealed record HtmlExportOptions
{
    /// <summary>The plotly.js source to include once in each page that has charts; null renders charts from their <c>text/html</c>.</summary>
    /// <remarks>The CLI supplies the copy embedded in Kiln.Charts, so pages work with the network off.</remarks>
    public Func<string>? PlotlyScript { get; init; }

    /// <summary>Whether to show code cells' source (on by default, as nbconvert).</summary>
    public bool IncludeSource { get; init; } = true;
}
