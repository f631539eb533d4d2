using System.Globalization;
using System.Xml.Linq;
using Kiln.Display;
using Kiln.Nn.Training;

namespace Kiln.Nn.Tests.Training;

public sealed class HistoryTests
{
    [Fact]
    public void Add_NewSeriesLater_EarlierEpochsAreNaN()
    {
        var history = new History();
        history.Add(new Dictionary<string, double> { ["loss"] = 0.5 });
        history.Add(new Dictionary<string, double> { ["loss"] = 0.25, ["val_loss"] = 0.3 });

        history.Series("loss").ShouldBe([0.5, 0.25]);
        history.Series("val_loss")[0].ShouldBe(double.NaN);
        history.Epoch(1)["val_loss"].ShouldBe(0.3);
    }

    [Fact]
    public void ToMimeBundle_TextTableAndHtmlTable()
    {
        var history = new History();
        history.Add(new Dictionary<string, double> { ["loss"] = 0.5, ["accuracy"] = 0.75 });

        var bundle = history.ToMimeBundle();

        bundle.GetText(MimeTypes.PlainText).ShouldBe("epoch    loss  accuracy\n    1  0.5000    0.7500");
        bundle.GetText(MimeTypes.Html)!.ShouldContain("<td>0.7500</td>");
    }

    [Fact]
    public void ToMimeBundle_DrawsLossesAndMetricsAsSvgLines_WithoutTheLearningRate()
    {
        var history = new History();
        history.Add(new Dictionary<string, double> { ["loss"] = 1.0, ["val_loss"] = 1.2, ["accuracy"] = 0.5, ["lr"] = 0.1 });
        history.Add(new Dictionary<string, double> { ["loss"] = 0.5, ["val_loss"] = 0.8, ["accuracy"] = 0.7, ["lr"] = 0.01 });
        history.Add(new Dictionary<string, double> { ["loss"] = 0.25, ["val_loss"] = 0.6, ["accuracy"] = 0.9, ["lr"] = 0.001 });

        var html = history.ToMimeBundle().GetText(MimeTypes.Html)!;
        var svg = XDocument.Parse($"<html>{html[html.IndexOf("<svg", StringComparison.Ordinal)..]}</html>");
        XNamespace ns = "http://www.w3.org/2000/svg";
        var lines = svg.Descendants(ns + "polyline").ToDictionary(p => (string)p.Attribute("data-series")!, Points);

        svg.Descendants(ns + "svg").Count().ShouldBe(2);
        lines.Keys.ShouldBe(["loss", "val_loss", "accuracy"], ignoreOrder: true);
        lines.Values.ShouldAllBe(points => points.Count == 3);
        lines["loss"].Select(p => p.Y).ShouldBeInOrder(SortDirection.Ascending);      // falling loss: SVG y grows downwards
        lines["accuracy"].Select(p => p.Y).ShouldBeInOrder(SortDirection.Descending);
        lines["loss"].Select(p => p.X).ShouldBeInOrder(SortDirection.Ascending);
    }

    private static List<(double X, double Y)> Points(XElement polyline) =>
        [.. ((string)polyline.Attribute("points")!).Split(' ').Select(p => p.Split(','))
            .Select(c => (double.Parse(c[0], CultureInfo.InvariantCulture), double.Parse(c[1], CultureInfo.InvariantCulture)))];
}
