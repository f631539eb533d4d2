using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kiln.Charts;

/// <summary>Renders figures to PNG or SVG with headless Chromium and plotly.js's own <c>Plotly.toImage</c>.</summary>
/// <remarks>
/// plotly.py: <c>fig.write_image</c> (Kaleido). Chromium runs with the network closed and a fresh profile; the page loads
/// the embedded plotly.js from a temporary folder. Debian: <c>apt-get install chromium</c>.
/// </remarks>
public static partial class ChromiumExport
{
    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The Chromium executable to use; null finds it (<c>KILN_CHROMIUM</c>, then the usual Debian paths, then PATH).</summary>
    public static string? ExecutablePath { get; set; }

    /// <summary>How long one export may take before Chromium is stopped (default 60 s).</summary>
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The command-line flags Chromium runs with: headless, sandbox and GPU off, no network services.</summary>
    public static IReadOnlyList<string> Flags { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Returns the Chromium executable that exports will use.</summary>
    /// <exception cref="ChromiumNotFoundException">No Chromium is installed.</exception>
    public static string FindChromium()
    {
        var candidates = new List<string>();
        if (ExecutablePath is { } configured)
        {
            candidates.Add(configured);
        }
        else
        {
            if (Environment.GetEnvironmentVariable("KILN_CHROMIUM") is { Length: > 0 } fromEnvironment)
            {
                candidates.Add(fromEnvironment);
            }

            candidates.AddRange(KnownPaths);
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            candidates.AddRange(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") }));
        }

        return candidates.FirstOrDefault(File.Exists) ?? throw new ChromiumNotFoundException(candidates.Distinct());
    }

    /// <summary>Renders <paramref name="figure"/> as a PNG image of <paramref name="width"/> × <paramref name="height"/> CSS pixels times <paramref name="scale"/>.</summary>
    public static byte[] ToPng(JsonObject figure, int width, int height, double scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var dataUrl = Render(figure, "png", width, height, scale);
        const string prefix = "data:image/png;base64,";
        return dataUrl.StartsWith(prefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(dataUrl[prefix.Length..])
            : throw new ChartExportException($"plotly.js returned an unexpected PNG data URL starting '{dataUrl[..Math.Min(40, dataUrl.Length)]}'.");
    }

    /// <summary>Renders <paramref name="figure"/> as SVG markup of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static string ToSvg(JsonObject figure, int width, int height)
    {
        var dataUrl = Render(figure, "svg", width, height, 1);
        const string prefix = "data:image/svg+xml,";
        return dataUrl.StartsWith(prefix, StringComparison.Ordinal)
            ? Uri.UnescapeDataString(dataUrl[prefix.Length..])
            : throw new ChartExportException($"plotly.js returned an unexpected SVG data URL starting '{dataUrl[..Math.Min(40, dataUrl.Length)]}'.");
    }

    private static string Render(JsonObject figure, string format, int width, int height, double scale)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var chromium = FindChromium();
        var folder = Directory.CreateTempSubdirectory("kiln-chart-export-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "plotly.min.js"), PlotlyJs.Source);
            var page = Path.Combine(folder.FullName, "export.html");
            File.WriteAllText(page, ExportPage(figure, format, width, height, scale));
            var profile = Directory.CreateDirectory(Path.Combine(folder.FullName, "profile"));
            var dom = RunChromium(chromium, profile.FullName, new Uri(page).AbsoluteUri);
            var match = ResultPattern().Match(dom);
            if (!match.Success)
            {
                throw new ChartExportException($"Chromium finished without an image from plotly.js (format {format}); run '{chromium} --headless --dump-dom' on a chart page to see why.");
            }

            var result = match.Groups[1].Value.Trim();
            return result.StartsWith("ERROR:", StringComparison.Ordinal)
                ? throw new ChartExportException($"plotly.js could not export the chart as {format}: {System.Net.WebUtility.HtmlDecode(result[6..])}")
                : result;
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static string RunChromium(string chromium, string profile, string pageUrl)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var flag in Flags)
        {
            start.ArgumentList.Add(flag);
        }

        start.ArgumentList.Add("--user-data-dir=" + profile);
        start.ArgumentList.Add("--virtual-time-budget=30000");
        start.ArgumentList.Add("--dump-dom");
        start.ArgumentList.Add(pageUrl);
        using var process = Process.Start(start) ?? throw new ChartExportException($"Could not start Chromium at {chromium}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new ChartExportException($"Chromium did not finish the export within {Timeout.TotalSeconds:0} s; raise ChromiumExport.Timeout or check that '{chromium} --headless' starts here.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new ChartExportException($"Chromium exited with code {process.ExitCode}: {Tail(errors.Result)}");
        }

        return output.Result;
    }

    private static string ExportPage(JsonObject figure, string format, int width, int height, double scale)
    {
        var options = new JsonObject { ["format"] = format, ["width"] = width, ["height"] = height, ["scale"] = scale };
        var plotFigure = (JsonObject)figure.DeepClone();
        var config = plotFigure["config"] as JsonObject ?? [];
        config["responsive"] = false;
        plotFigure["config"] = config;
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><script src=\"plotly.min.js\"></script></head><body>\n")
            .Append("<div id=\"chart\" style=\"width:").Append(width).Append("px;height:").Append(height).Append("px\"></div><pre id=\"kiln-export\"></pre>\n")
            .Append("<script>\nvar figure = ").Append(plotFigure.ToJsonString()).Append(";\nvar out = document.getElementById('kiln-export');\n")
            .Append("Plotly.newPlot('chart', figure.data, figure.layout || {}, figure.config)\n")
            .Append("  .then(function (gd) { return Plotly.toImage(gd, ").Append(options.ToJsonString()).Append("); })\n")
            .Append("  .then(function (url) { out.textContent = url; })\n")
            .Append("  .catch(function (error) { out.textContent = 'ERROR:' + error; });\n</script>\n</body></html>\n")
            .ToString();
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold its profile for a moment; a leftover temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above: never fail an export because the temporary folder could not be removed.
        }
    }

    [GeneratedRegex("<pre id=\"kiln-export\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ResultPattern();
}
