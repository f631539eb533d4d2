using System.Xml.Linq;
using Kiln.Charts.Tests.Support;

namespace Kiln.Charts.Tests.Export;

public class ChromiumExportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void ToPng_LineChart_HasTheRequestedSizeAndDrawsTheTraceInPlotlyBlue()
    {
        Assert.SkipUnless(OfflineBrowser.IsAvailable, "Chromium is not installed (apt-get install chromium).");
        var chart = Chart.Line(new[] { 0.0, 1, 2, 3 }, new[] { 1.0, 3, 2, 4 }).WithTitle("Exported");

        var image = PngImage.Decode(chart.ToPng(400, 300));

        (image.Width, image.Height).ShouldBe((400, 300));
        var drawn = 0;
        var blue = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b, a) = image[x, y];
                drawn += a > 0 && (r, g, b) != (255, 255, 255) ? 1 : 0;
                blue += Math.Abs(r - 31) + Math.Abs(g - 119) + Math.Abs(b - 180) < 40 ? 1 : 0;
            }
        }

        drawn.ShouldBeGreaterThan(image.Width * image.Height / 100);
        blue.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void SavePng_WritesAPngFile()
    {
        Assert.SkipUnless(OfflineBrowser.IsAvailable, "Chromium is not installed (apt-get install chromium).");
        var path = Path.Combine(Path.GetTempPath(), $"kiln-chart-{Guid.NewGuid():N}.png");
        try
        {
            Chart.Bar(new[] { "a", "b" }, new[] { 1, 2 }).WithSize(300, 200).SavePng(path);

            var image = PngImage.Decode(File.ReadAllBytes(path));
            (image.Width, image.Height).ShouldBe((300, 200));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ToSvg_CombinedChart_IsValidSvgWithOneGroupPerTrace()
    {
        Assert.SkipUnless(OfflineBrowser.IsAvailable, "Chromium is not installed (apt-get install chromium).");
        var chart = MlCharts.PredictedVsActual(new[] { 1.0, 2, 3 }, new[] { 1.1, 1.9, 3.2 });

        var svg = XDocument.Parse(chart.ToSvg(500, 400));

        svg.Root!.Name.ShouldBe(Svg + "svg");
        svg.Root.Attribute("width")!.Value.ShouldBe("500");
        var traces = svg.Descendants(Svg + "g")
            .Where(g => (g.Attribute("class")?.Value ?? string.Empty).Split(' ').Contains("trace"))
            .ToList();
        traces.Count.ShouldBe(2);
        svg.Descendants(Svg + "path").Count(p => (p.Attribute("class")?.Value ?? string.Empty).Contains("point", StringComparison.Ordinal)).ShouldBe(3);
        svg.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("Predicted vs actual");
    }

    [Fact]
    public void SaveSvg_WritesParsableSvgFile()
    {
        Assert.SkipUnless(OfflineBrowser.IsAvailable, "Chromium is not installed (apt-get install chromium).");
        var path = Path.Combine(Path.GetTempPath(), $"kiln-chart-{Guid.NewGuid():N}.svg");
        try
        {
            MlCharts.ConfusionMatrix(["a", "b"], new[,] { { 3, 1 }, { 0, 4 } }).SaveSvg(path);

            var svg = XDocument.Load(path);
            svg.Root!.Name.ShouldBe(Svg + "svg");
            svg.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("Confusion matrix");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

[Collection(nameof(PlotlySessionState))]
public class ChromiumMissingTests
{
    [Fact]
    public void ToPng_ChromiumMissing_ThrowsNamingTheDebianPackage()
    {
        var previous = ChromiumExport.ExecutablePath;
        ChromiumExport.ExecutablePath = "/nonexistent/chromium";
        try
        {
            var error = Should.Throw<ChromiumNotFoundException>(() => Chart.Line(new[] { 1.0 }).ToPng());

            error.Message.ShouldContain("apt-get install chromium");
            error.Message.ShouldContain("/nonexistent/chromium");
        }
        finally
        {
            ChromiumExport.ExecutablePath = previous;
        }
    }
}
