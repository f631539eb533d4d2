using System.Text.RegularExpressions;
using Kiln.Display;

namespace Kiln.Charts;

/// <summary>The plotly.js library embedded in Kiln.Charts (from npm's <c>plotly.js-dist-min</c>), and how charts include it.</summary>
/// <remarks>
/// plotly.js is MIT-licensed (<see cref="License"/>). It is loaded with a plain <c>&lt;script&gt;</c> that sets
/// <c>window.Plotly</c>: no require.js, no CDN, so charts render offline, in JupyterLab 4, Notebook 7, VS Code and static pages.
/// </remarks>
public static partial class PlotlyJs
{
    /// <summary>The attribute that marks the <c>&lt;script&gt;</c> element carrying plotly.js in Kiln's HTML.</summary>
    public const string MarkerAttribute = "data-kiln-plotly-js";

    private static readonly Lazy<string> SourceText = new(() => ReadResource("Kiln.Charts.plotly.min.js"));
    private static readonly Lazy<string> LicenseText = new(() => ReadResource("Kiln.Charts.plotly.LICENSE"));
    private static readonly Lazy<string> Tag = new(BuildScriptTag);
    private static readonly Lazy<string> VersionText = new(() => VersionPattern().Match(Source) is { Success: true } m ? m.Groups[1].Value : "unknown");
    private static int _includedInSession;

    /// <summary>How chart notebook output includes plotly.js; <see cref="PlotlyInclusion.OncePerSession"/> by default.</summary>
    public static PlotlyInclusion Inclusion { get; set; } = PlotlyInclusion.OncePerSession;

    /// <summary>The plotly.js version, such as "4.1.2".</summary>
    public static string Version => VersionText.Value;

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => SourceText.Value;

    /// <summary>The plotly.js license text (MIT).</summary>
    public static string License => LicenseText.Value;

    /// <summary>Whether a chart shown in this notebook session has already inlined plotly.js.</summary>
    public static bool IncludedInSession => Volatile.Read(ref _includedInSession) == 1;

    /// <summary>Returns a <c>&lt;script&gt;</c> element that defines <c>window.Plotly</c> unless the page already has it.</summary>
    /// <remarks>An HTML exporter puts this once in the page head, then renders chart fragments without plotly.js.</remarks>
    public static string ScriptTag() => Tag.Value;

    /// <summary>Forgets that plotly.js was included, so the next chart inlines it again (for a new notebook in the same process).</summary>
    public static void ResetSession() => Volatile.Write(ref _includedInSession, 0);

    /// <summary>Decides, under <see cref="Inclusion"/>, whether the HTML about to be rendered must inline plotly.js.</summary>
    internal static bool ShouldInline() => Inclusion switch
    {
        PlotlyInclusion.Always => true,
        PlotlyInclusion.None => false,
        _ => !DisplaySession.IsInteractive || TryClaimSession(),
    };

    /// <summary>Marks plotly.js as included in this session; returns whether this call was the first.</summary>
    internal static bool TryClaimSession() => Interlocked.Exchange(ref _includedInSession, 1) == 0;

    private static string BuildScriptTag() =>
        $"<script type=\"text/javascript\" {MarkerAttribute}=\"{Version}\">\nif (typeof window.Plotly === 'undefined') {{\n"
        + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n}\n</script>";

    private static string ReadResource(string name)
    {
        using var stream = typeof(PlotlyJs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Kiln.Charts was built without its embedded resource '{name}'; rebuild it with node and npm installed (npm ci restores plotly.js).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"plotly\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex VersionPattern();
}
