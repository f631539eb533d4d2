using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>A plotly.js <c>histogram</c> trace: plotly.js bins the raw values in the browser.</summary>
public sealed record HistogramTrace : Trace
{
    /// <summary>Creates a histogram of <paramref name="values"/>.</summary>
    public HistogramTrace(DataArray values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>The raw values to bin.</summary>
    public DataArray Values { get; init; }

    /// <summary>The maximum number of bins (plotly.js <c>nbinsx</c>); null lets plotly.js choose.</summary>
    public int? Bins { get; init; }

    /// <summary>The bar opacity between 0 and 1, useful when histograms overlay; null for opaque.</summary>
    public double? Opacity { get; init; }

    /// <inheritdoc/>
    public override string Type => "histogram";

    /// <inheritdoc/>
    public override string KindName => "Histogram";

    /// <inheritdoc/>
    public override int PointCount => Values.Count;

    /// <inheritdoc/>
    protected override void WriteData(JsonObject json)
    {
        json["x"] = Values.ToJson();
        if (Bins is { } bins)
        {
            json["nbinsx"] = bins;
        }

        if (Opacity is { } opacity)
        {
            json["opacity"] = opacity;
        }

        if (ColorObject() is { } marker)
        {
            json["marker"] = marker;
        }
    }
}
