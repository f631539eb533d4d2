using Kiln.Charts.Tests.Support;
using Kiln.Display;

namespace Kiln.Charts.Tests.Rendering;

[Collection(nameof(PlotlySessionState))]
public sealed class ChartDisplayTests : IDisposable
{
    private readonly Chart _chart = Chart.Scatter(new[] { 1, 2 }, new[] { 3, 4 });

    public ChartDisplayTests()
    {
        PlotlyJs.Inclusion = PlotlyInclusion.OncePerSession;
        PlotlyJs.ResetSession();
    }

    public void Dispose()
    {
        DisplaySession.Current = null;
        PlotlyJs.Inclusion = PlotlyInclusion.OncePerSession;
        PlotlyJs.ResetSession();
    }

    [Fact]
    public void ToMimeBundle_CarriesPlotlyJsonHtmlAndText()
    {
        var bundle = _chart.ToMimeBundle();

        bundle.MimeTypes.ShouldBe([MimeTypes.PlotlyJson, MimeTypes.Html, MimeTypes.PlainText]);
        System.Text.Json.Nodes.JsonNode.DeepEquals(bundle.GetJson(MimeTypes.PlotlyJson), _chart.ToFigureJson()).ShouldBeTrue();
        bundle.GetText(MimeTypes.PlainText).ShouldBe("Scatter chart: 1 trace, 2 points");
        bundle.GetText(MimeTypes.Html)!.ShouldContain("Plotly.newPlot");
    }

    [Fact]
    public void ToMimeBundle_Html_NeverUsesRequireJsOrACdn()
    {
        var html = PlotlyHtml.RemoveInlinePlotlyJs(_chart.ToMimeBundle().GetText(MimeTypes.Html)!);

        html.ShouldNotContain("requirejs");
        html.ShouldNotContain("require(");
        html.ShouldNotContain("cdn.plot.ly");
    }

    [Fact]
    public void ToMimeBundle_OutsideNotebook_InlinesPlotlyEveryTime()
    {
        HasInlinePlotly(_chart.ToMimeBundle()).ShouldBeTrue();
        HasInlinePlotly(_chart.ToMimeBundle()).ShouldBeTrue();
    }

    [Fact]
    public void ToMimeBundle_OncePerSessionInNotebook_InlinesOnlyTheFirstChart()
    {
        DisplaySession.Current = new RecordingChannel();

        var first = _chart.ToMimeBundle();
        var second = _chart.ToMimeBundle();

        HasInlinePlotly(first).ShouldBeTrue();
        HasInlinePlotly(second).ShouldBeFalse();
        second.GetText(MimeTypes.Html)!.ShouldContain("window.Plotly");
    }

    [Theory]
    [InlineData(PlotlyInclusion.Always, true)]
    [InlineData(PlotlyInclusion.None, false)]
    public void ToMimeBundle_ExplicitInclusion_IsObeyedInNotebook(PlotlyInclusion inclusion, bool inlined)
    {
        DisplaySession.Current = new RecordingChannel();
        PlotlyJs.Inclusion = inclusion;

        HasInlinePlotly(_chart.ToMimeBundle()).ShouldBe(inlined);
        HasInlinePlotly(_chart.ToMimeBundle()).ShouldBe(inlined);
    }

    [Fact]
    public void Display_FirstLiveChart_SendsPlotlyAsItsOwnOutputThenUpdatesTheChartInPlace()
    {
        var channel = new RecordingChannel();
        DisplaySession.Current = channel;

        var handle = Chart.Line(new[] { 0.9 }).Display();
        handle.ShouldNotBeNull();
        handle.Update(Chart.Line(new[] { 0.9, 0.5 }));

        channel.Messages.Select(m => m.Kind).ShouldBe(["display_data", "display_data", "update_display_data"]);
        HasInlinePlotly(channel.Messages[0].Bundle).ShouldBeTrue();
        channel.Messages[0].Bundle.GetText(MimeTypes.PlainText)!.ShouldStartWith("plotly.js 4.1.");
        HasInlinePlotly(channel.Messages[1].Bundle).ShouldBeFalse();
        channel.Messages[2].DisplayId.ShouldBe(handle.DisplayId);
        channel.Messages[2].Bundle.GetText(MimeTypes.PlainText).ShouldBe("Line chart: 1 trace, 2 points");
    }

    [Fact]
    public void Display_OutsideNotebook_ReturnsNull()
    {
        _chart.Display().ShouldBeNull();
    }

    private static bool HasInlinePlotly(MimeBundle bundle) =>
        bundle.GetText(MimeTypes.Html)!.Contains(PlotlyJs.MarkerAttribute, StringComparison.Ordinal);
}
