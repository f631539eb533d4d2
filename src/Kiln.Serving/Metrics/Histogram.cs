using System.Globalization;
using System.Text;

namespace Kiln.Serving.Metrics;

/// <summary>A Prometheus histogram series: cumulative bucket counts, sum and count, safe for concurrent observations.</summary>
/// <param name="bounds">The upper bounds of the buckets, ascending (the +Inf bucket is implicit).</param>
internal sealed class Histogram(double[] bounds)
{
    private readonly Lock _gate = new();
    private readonly long[] _counts = new long[bounds.Length + 1];
    private double _sum;

    /// <summary>Records one value.</summary>
    public void Observe(double value)
    {
        var i = 0;
        while (i < bounds.Length && value > bounds[i])
        {
            i++;
        }

        lock (_gate)
        {
            _counts[i]++;
            _sum += value;
        }
    }

    /// <summary>Appends the <c>_bucket</c>, <c>_sum</c> and <c>_count</c> lines for this series.</summary>
    public void Write(StringBuilder text, string name, string labels)
    {
        long[] counts;
        double sum;
        lock (_gate)
        {
            counts = (long[])_counts.Clone();
            sum = _sum;
        }

        var prefix = labels.Length == 0 ? string.Empty : labels + ",";
        long cumulative = 0;
        for (var i = 0; i < bounds.Length; i++)
        {
            cumulative += counts[i];
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"{PrometheusText.Number(bounds[i])}\"}} {cumulative}\n");
        }

        cumulative += counts[^1];
        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"+Inf\"}} {cumulative}\n");
        var braces = labels.Length == 0 ? string.Empty : "{" + labels + "}";
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum{braces} {PrometheusText.Number(sum)}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count{braces} {cumulative}\n");
    }
}
