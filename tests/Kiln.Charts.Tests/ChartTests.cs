namespace Kiln.Charts.Tests;

public class ChartTests
{
    [Fact]
    public void Line_MismatchedLengths_ThrowsNamingBothLengths()
    {
        var error = Should.Throw<ArgumentException>(() => Chart.Line(new[] { 1, 2, 3 }, new[] { 1.0, 2.0 }));

        error.Message.ShouldContain("3");
        error.Message.ShouldContain("2");
    }

    [Fact]
    public void WithTitle_ReturnsNewChart_LeavingTheOriginalUnchanged()
    {
        var original = Chart.Bar(new[] { "a" }, new[] { 1 });

        var titled = original.WithTitle("Counts");

        titled.Layout.Title.ShouldBe("Counts");
        original.Layout.Title.ShouldBeNull();
    }

    [Fact]
    public void WithXAxis_CalledTwice_KeepsEarlierSettingsNotOverridden()
    {
        var chart = Chart.Line(new[] { 1.0, 10.0 }).WithXAxis("Step").WithXAxis(type: AxisType.Log);

        var axis = chart.Layout.GetAxis("xaxis")!;
        axis.Type.ShouldBe(AxisType.Log);
        axis.Title.ShouldBe("Step");
    }

    [Fact]
    public void WithYAxis_LogRange_IsWrittenInLog10Units()
    {
        var json = Chart.Line(new[] { 1.0, 100.0 }).WithYAxis(type: AxisType.Log, range: (1, 1000)).ToFigureJson();

        json["layout"]!["yaxis"]!["range"]!.ToJsonString().ShouldBe("[0,3]");
    }

    [Fact]
    public void WithYAxis_LogRangeNotPositive_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Chart.Line(new[] { 1.0 }).WithYAxis(type: AxisType.Log, range: (0, 10)));
    }

    [Fact]
    public void WithNameAndColor_ApplyToEveryTrace()
    {
        var chart = Chart.Scatter(new[] { 1 }, new[] { 2 }).WithName("points").WithColor("red");

        chart.Traces.ShouldAllBe(t => t.Name == "points" && t.Color == "red");
    }

    [Fact]
    public void Grid_MoreChartsThanCells_Throws()
    {
        var line = Chart.Line(new[] { 1.0 });

        Should.Throw<ArgumentException>(() => Chart.Grid(1, 1, line, line)).Message.ShouldContain("1 x 1");
    }

    [Fact]
    public void Combine_NoCharts_Throws()
    {
        Should.Throw<ArgumentException>(() => Chart.Combine());
    }

    [Fact]
    public void Histogram_ZeroBins_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Chart.Histogram(new[] { 1.0 }, bins: 0));
    }

    [Fact]
    public void ToString_Scatter_SummarizesTracesAndPoints()
    {
        var x = Enumerable.Range(0, 50).ToArray();
        var chart = Chart.Combine(Chart.Scatter(x, x), Chart.Scatter(x, x));

        chart.ToString().ShouldBe("Scatter chart: 2 traces, 100 points");
    }

    [Fact]
    public void ToString_TitledGrid_NamesKindsSubplotsAndTitle()
    {
        var chart = Chart.Grid(1, 2, Chart.Line(new[] { 1.0, 2.0 }), Chart.Bar(new[] { "a" }, new[] { 1 })).WithTitle("Overview");

        chart.ToString().ShouldBe("Line + Bar grid of 2 subplots \"Overview\": 2 traces, 3 points");
    }

    [Fact]
    public void ToJson_Indented_IsParsableFigure()
    {
        var text = Chart.Box(new[] { 1, 2 }).ToJson(indented: true);

        text.ShouldContain("\n");
        System.Text.Json.Nodes.JsonNode.Parse(text)!["data"]![0]!["type"]!.GetValue<string>().ShouldBe("box");
    }

    [Fact]
    public void Line_ValuesAndName_PlotsAgainstTheIndexWithoutGenericArguments()
    {
        var trace = (ScatterTrace)Chart.Line(new[] { 3.0, 1.0 }, "loss").Traces[0];

        trace.Name.ShouldBe("loss");
        trace.X.Numbers.ShouldBe([0.0, 1.0]);
    }

    [Fact]
    public void Line_StringX_IsCategorical()
    {
        var trace = (ScatterTrace)Chart.Line(new[] { "mon", "tue" }, new[] { 1, 2 }).Traces[0];

        trace.X.Kind.ShouldBe(DataKind.Category);
    }

    [Fact]
    public void TrainingCurves_ReadOnlyListSeries_InfersTheSeriesType()
    {
        IReadOnlyDictionary<string, IReadOnlyList<double>> history = new Dictionary<string, IReadOnlyList<double>> { ["loss"] = [1.0, 0.5] };

        MlCharts.TrainingCurves(history).Traces.Count.ShouldBe(1);
    }
}
