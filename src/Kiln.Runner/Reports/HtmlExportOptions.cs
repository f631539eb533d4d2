namespace Kiln.Runner.Reports;

/// <summary>Options for the static HTML rendering of executed notebooks (<c>kiln run --html</c>).</summary>
public sealed record HtmlExportOptions
{
    /// <summary>The plotly.js source to include once in each page that has charts; null renders charts from their <c>text/html</c>.</summary>
    /// <remarks>The CLI supplies the copy embedded in Kiln.Charts, so pages work with the network off.</remarks>
    public Func<string>? PlotlyScript { get; init; }

    /// <summary>Cleans an output's <c>text/html</c> before it goes into a page that already has plotly.js in its head
    /// (for example by removing a copy of plotly.js that the output inlined); null leaves it as it is.</summary>
    /// <remarks>The CLI supplies Kiln.Charts' <c>PlotlyHtml.RemoveInlinePlotlyJs</c>.</remarks>
    public Func<string, string>? RemoveInlinePlotly { get; init; }

    /// <summary>Whether to show code cells' source (on by default, as nbconvert).</summary>
    public bool IncludeSource { get; init; } = true;
}
