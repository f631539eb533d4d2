using System.Globalization;

namespace Kiln.Serving.Metrics;

/// <summary>Formatting rules of the Prometheus text exposition format (version 0.0.4).</summary>
internal static class PrometheusText
{
    /// <summary>The content type of the text format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Formats a sample value or bucket bound (shortest round-trip, invariant culture).</summary>
    public static string Number(double value) => double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Escapes a label value: backslash, double quote and newline.</summary>
    public static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
