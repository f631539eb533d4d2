using Kiln.Charts.Tests.Support;

namespace Kiln.Charts.Tests;

public class FigureFixtureTests
{
    [Theory]
    [MemberData(nameof(ChartCases.Names), MemberType = typeof(ChartCases))]
    public void ToFigureJson_EachChartKind_MatchesHandWrittenPlotlyFigure(string name)
    {
        var figure = ChartCases.All[name]().ToFigureJson();

        figure.ShouldEqualJson(Fixtures.Figure(name));
    }

    [Fact]
    public void ToFigureJson_FixtureSet_CoversEveryCase()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Figures"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order();

        files.ShouldBe(ChartCases.All.Keys.Order());
    }
}
