namespace Kiln.Charts;

/// <summary>Thrown when image export needs headless Chromium and none is installed.</summary>
public sealed class ChromiumNotFoundException : ChartExportException
{
    /// <summary>Creates the exception, naming the places searched and how to install Chromium.</summary>
    public ChromiumNotFoundException(IEnumerable<string> searched)
        : base(
            "Chart image export (PNG/SVG) needs headless Chromium, which was not found (looked for: "
            + string.Join(", ", searched)
            + "). Install it with 'apt-get install chromium', or set ChromiumExport.ExecutablePath or the KILN_CHROMIUM environment variable.")
    {
    }
}
