using System.Globalization;
using Kiln.Display;

namespace Kiln.Charts;

public sealed partial class Chart : IDisplayable
{
    /// <summary>Renders the chart as plotly JSON, offline HTML and a one-line text summary.</summary>
    /// <remarks>
    /// JupyterLab, VS Code and nteract draw <see cref="MimeTypes.PlotlyJson"/> with their own plotly.js; other front ends
    /// and static viewers fall back to the HTML, which includes plotly.js as <see cref="PlotlyJs.Inclusion"/> says.
    /// </remarks>
    public MimeBundle ToMimeBundle() => new MimeBundle()
        .Add(MimeTypes.PlotlyJson, ToFigureJson())
        .Add(MimeTypes.Html, PlotlyHtml.Fragment(this, PlotlyJs.ShouldInline()))
        .Add(MimeTypes.PlainText, ToString());

    /// <summary>Shows the chart in the current notebook cell and returns a handle to redraw it in place.</summary>
    /// <remarks>
    /// For live charts, such as a loss curve growing each epoch:
    /// <code>
    /// var handle = MlCharts.TrainingCurves(history).Display();
    /// // after each epoch:
    /// handle?.Update(MlCharts.TrainingCurves(history));
    /// </code>
    /// The kernel sends the update as <c>update_display_data</c>. When this chart is the first of the session under
    /// <see cref="PlotlyInclusion.OncePerSession"/>, plotly.js goes out first as an output of its own, so replacing the chart
    /// never removes plotly.js from the saved notebook.
    /// </remarks>
    /// <returns>The handle, or null outside a notebook (the text summary is printed instead).</returns>
    public DisplayHandle? Display()
    {
        if (PlotlyJs.Inclusion == PlotlyInclusion.OncePerSession && DisplaySession.IsInteractive && PlotlyJs.TryClaimSession())
        {
            DisplaySession.Show(new PlotlyJsOutput());
        }

        return DisplaySession.Show(this);
    }

    /// <summary>Returns a one-line summary such as <c>Scatter chart: 2 traces, 100 points</c>.</summary>
    public override string ToString()
    {
        var kinds = string.Join(" + ", Traces.Select(t => t.KindName).Distinct());
        var subplots = Traces.Select(t => t.XAxisId).Distinct().Count();
        var prefix = Traces.Count == 0 ? "Empty chart"
            : subplots > 1 ? $"{kinds} grid of {subplots} subplots"
            : $"{kinds} chart";
        var title = Layout.Title is null ? string.Empty : $" \"{Layout.Title}\"";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{prefix}{title}: {Traces.Count} trace{(Traces.Count == 1 ? string.Empty : "s")}, {PointCount} point{(PointCount == 1 ? string.Empty : "s")}");
    }

    /// <summary>A notebook output that only loads plotly.js, shown before the first live chart of a session.</summary>
    private sealed class PlotlyJsOutput : IDisplayable
    {
        public MimeBundle ToMimeBundle() => new MimeBundle()
            .Add(MimeTypes.Html, PlotlyJs.ScriptTag())
            .Add(MimeTypes.PlainText, $"plotly.js {PlotlyJs.Version} loaded for this notebook's charts");
    }
}
