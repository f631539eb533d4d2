namespace Kiln.Charts;

public sealed partial class Chart
{
    private const int DefaultImageWidth = 700;
    private const int DefaultImageHeight = 450;

    /// <summary>Writes the chart as a self-contained HTML page (plotly.js inlined) that opens offline in any browser.</summary>
    /// <remarks>Plotly.NET: <c>Chart.SaveHtml</c>; plotly.py: <c>fig.write_html(include_plotlyjs=True)</c>.</remarks>
    public void SaveHtml(string path, string? title = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, PlotlyHtml.Page(this, title));
    }

    /// <summary>Renders the chart as PNG bytes with headless Chromium; size defaults to the layout's, else 700 × 450.</summary>
    /// <exception cref="ChromiumNotFoundException">Chromium is not installed (<c>apt-get install chromium</c>).</exception>
    public byte[] ToPng(int? width = null, int? height = null, double scale = 1) =>
        ChromiumExport.ToPng(ToFigureJson(), width ?? Layout.Width ?? DefaultImageWidth, height ?? Layout.Height ?? DefaultImageHeight, scale);

    /// <summary>Writes the chart as a PNG file with headless Chromium; size defaults to the layout's, else 700 × 450.</summary>
    /// <remarks>plotly.py: <c>fig.write_image("chart.png")</c>.</remarks>
    /// <exception cref="ChromiumNotFoundException">Chromium is not installed (<c>apt-get install chromium</c>).</exception>
    public void SavePng(string path, int? width = null, int? height = null, double scale = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllBytes(path, ToPng(width, height, scale));
    }

    /// <summary>Renders the chart as SVG markup with headless Chromium; size defaults to the layout's, else 700 × 450.</summary>
    /// <exception cref="ChromiumNotFoundException">Chromium is not installed (<c>apt-get install chromium</c>).</exception>
    public string ToSvg(int? width = null, int? height = null) =>
        ChromiumExport.ToSvg(ToFigureJson(), width ?? Layout.Width ?? DefaultImageWidth, height ?? Layout.Height ?? DefaultImageHeight);

    /// <summary>Writes the chart as an SVG file with headless Chromium; size defaults to the layout's, else 700 × 450.</summary>
    /// <exception cref="ChromiumNotFoundException">Chromium is not installed (<c>apt-get install chromium</c>).</exception>
    public void SaveSvg(string path, int? width = null, int? height = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, ToSvg(width, height));
    }
}
