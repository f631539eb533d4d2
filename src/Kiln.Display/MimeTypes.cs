namespace Kiln.Display;

/// <summary>The MIME types Kiln's libraries and kernel produce.</summary>
public static class MimeTypes
{
    /// <summary>Plain text, the fallback every bundle should carry.</summary>
    public const string PlainText = "text/plain";

    /// <summary>HTML, rendered by notebook front ends and static viewers.</summary>
    public const string Html = "text/html";

    /// <summary>Markdown text.</summary>
    public const string Markdown = "text/markdown";

    /// <summary>Arbitrary JSON.</summary>
    public const string Json = "application/json";

    /// <summary>A plotly.js figure (data, layout, config), rendered natively by JupyterLab and VS Code.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>A PNG image as base64 text.</summary>
    public const string Png = "image/png";

    /// <summary>An SVG image as XML text.</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>Returns whether values of <paramref name="mimeType"/> are JSON values rather than text.</summary>
    /// <remarks>As nbformat: <c>application/json</c> and every <c>application/*+json</c> type.</remarks>
    public static bool IsJson(string mimeType)
    {
        ArgumentNullException.ThrowIfNull(mimeType);
        return mimeType == Json
            || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));
    }
}
