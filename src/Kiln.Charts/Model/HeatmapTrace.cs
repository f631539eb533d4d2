using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>A plotly.js <c>heatmap</c> trace: a matrix of values drawn as colored cells.</summary>
public sealed record HeatmapTrace : Trace
{
    /// <summary>Creates a heatmap of <paramref name="z"/>, whose rows are drawn along y and columns along x.</summary>
    /// <exception cref="ArgumentException">The rows differ in length, or the labels do not match the matrix.</exception>
    public HeatmapTrace(IReadOnlyList<DataArray> z, DataArray? x = null, DataArray? y = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        var columns = z.Count == 0 ? 0 : z[0].Count;
        if (z.Any(row => row.Count != columns))
        {
            throw new ArgumentException("Heatmap rows differ in length; pass a rectangular matrix.", nameof(z));
        }

        if (x is not null && x.Count != columns)
        {
            throw new ArgumentException($"The matrix has {columns} columns but {x.Count} x labels; pass one label per column.", nameof(x));
        }

        if (y is not null && y.Count != z.Count)
        {
            throw new ArgumentException($"The matrix has {z.Count} rows but {y.Count} y labels; pass one label per row.", nameof(y));
        }

        Z = z;
        X = x;
        Y = y;
    }

    /// <summary>The matrix rows.</summary>
    public IReadOnlyList<DataArray> Z { get; init; }

    /// <summary>The column labels, or null for 0, 1, ….</summary>
    public DataArray? X { get; init; }

    /// <summary>The row labels, or null for 0, 1, ….</summary>
    public DataArray? Y { get; init; }

    /// <summary>A named plotly.js colorscale such as <c>"Viridis"</c> or <c>"Blues"</c>; null for plotly's default.</summary>
    public string? ColorScale { get; init; }

    /// <summary>Whether the colorscale runs backwards (plotly.js <c>reversescale</c>), e.g. so "Blues" goes light to dark.</summary>
    public bool ReverseScale { get; init; }

    /// <summary>A plotly.js text template drawn in each cell, such as <c>"%{z}"</c>; null for none.</summary>
    public string? TextTemplate { get; init; }

    /// <summary>Whether the color bar is shown; null leaves plotly's default (shown).</summary>
    public bool? ShowScale { get; init; }

    /// <inheritdoc/>
    public override string Type => "heatmap";

    /// <inheritdoc/>
    public override string KindName => "Heatmap";

    /// <inheritdoc/>
    public override int PointCount => Z.Sum(row => row.Count);

    /// <inheritdoc/>
    protected override void WriteData(JsonObject json)
    {
        json["z"] = new JsonArray(Z.Select(row => (JsonNode)row.ToJson()).ToArray());
        if (X is not null)
        {
            json["x"] = X.ToJson();
        }

        if (Y is not null)
        {
            json["y"] = Y.ToJson();
        }

        if (ColorScale is not null)
        {
            json["colorscale"] = ColorScale;
        }

        if (ReverseScale)
        {
            json["reversescale"] = true;
        }

        if (TextTemplate is not null)
        {
            json["texttemplate"] = TextTemplate;
        }

        if (ShowScale is { } showScale)
        {
            json["showscale"] = showScale;
        }
    }
}
