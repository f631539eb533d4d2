using System.Numerics;

namespace Kiln.Charts;

public sealed partial class Chart
{
    /// <summary>Creates a line chart of <paramref name="y"/> against its index 0, 1, ….</summary>
    public static Chart Line<TY>(IEnumerable<TY> y, string? name = null, string? color = null)
        where TY : INumber<TY>
    {
        var values = DataArray.FromNumbers(y);
        return Single(new ScatterTrace(DataArray.Range(values.Count), values) { Mode = ScatterMode.Lines, Name = name, Color = color });
    }

    /// <summary>Creates a line chart of <paramref name="y"/> against <paramref name="x"/> (numbers, strings or dates).</summary>
    /// <param name="x">The x values: numbers, strings (categories), DateTime, DateTimeOffset or DateOnly.</param>
    /// <param name="y">The y values.</param>
    /// <param name="name">The legend name.</param>
    /// <param name="color">A CSS color; null uses plotly's colorway.</param>
    /// <param name="markers">Whether each point also gets a marker.</param>
    public static Chart Line<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null, bool markers = false)
        where TY : INumber<TY> =>
        Single(new ScatterTrace(DataArray.From(x), DataArray.FromNumbers(y))
        {
            Mode = markers ? ScatterMode.LinesAndMarkers : ScatterMode.Lines,
            Name = name,
            Color = color,
        });

    /// <summary>Creates a scatter chart of <paramref name="y"/> against <paramref name="x"/>, drawn as markers by default.</summary>
    /// <param name="x">The x values: numbers, strings (categories), DateTime, DateTimeOffset or DateOnly.</param>
    /// <param name="y">The y values.</param>
    /// <param name="name">The legend name.</param>
    /// <param name="color">A CSS color; null uses plotly's colorway.</param>
    /// <param name="mode">Markers, lines or both.</param>
    /// <param name="markerSize">The marker size in pixels; null for plotly's default.</param>
    public static Chart Scatter<TX, TY>(
        IEnumerable<TX> x,
        IEnumerable<TY> y,
        string? name = null,
        string? color = null,
        ScatterMode mode = ScatterMode.Markers,
        double? markerSize = null)
        where TY : INumber<TY> =>
        Single(new ScatterTrace(DataArray.From(x), DataArray.FromNumbers(y)) { Mode = mode, Name = name, Color = color, MarkerSize = markerSize });

    /// <summary>Creates an area chart: a line of <paramref name="y"/> against <paramref name="x"/> filled down to zero.</summary>
    public static Chart Area<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null)
        where TY : INumber<TY> =>
        Single(new ScatterTrace(DataArray.From(x), DataArray.FromNumbers(y)) { Mode = ScatterMode.Lines, Fill = "tozeroy", Name = name, Color = color });

    /// <summary>Creates a bar chart with one bar of height <paramref name="values"/>[i] at <paramref name="keys"/>[i].</summary>
    /// <param name="keys">The bar positions: strings (categories), numbers or dates.</param>
    /// <param name="values">The bar lengths.</param>
    /// <param name="name">The legend name.</param>
    /// <param name="color">A CSS color; null uses plotly's colorway.</param>
    /// <param name="orientation">Vertical (keys on x) or horizontal (keys on y) bars.</param>
    public static Chart Bar<TK, TV>(
        IEnumerable<TK> keys,
        IEnumerable<TV> values,
        string? name = null,
        string? color = null,
        BarOrientation orientation = BarOrientation.Vertical)
        where TV : INumber<TV> =>
        Single(new BarTrace(DataArray.From(keys), DataArray.FromNumbers(values)) { Orientation = orientation, Name = name, Color = color });

    /// <summary>Creates a histogram of <paramref name="values"/>; plotly.js bins them in the browser.</summary>
    /// <param name="values">The raw values.</param>
    /// <param name="bins">The maximum number of bins; null lets plotly.js choose.</param>
    /// <param name="name">The legend name.</param>
    /// <param name="color">A CSS color; null uses plotly's colorway.</param>
    public static Chart Histogram<T>(IEnumerable<T> values, int? bins = null, string? name = null, string? color = null)
        where T : INumber<T>
    {
        if (bins is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "The number of bins must be positive; pass null to let plotly.js choose.");
        }

        return Single(new HistogramTrace(DataArray.FromNumbers(values)) { Bins = bins, Name = name, Color = color });
    }

    /// <summary>Creates a box plot of <paramref name="values"/> (median, quartiles, whiskers and outliers).</summary>
    public static Chart Box<T>(IEnumerable<T> values, string? name = null, string? color = null, bool showPoints = false)
        where T : INumber<T> =>
        Single(new BoxTrace(DataArray.FromNumbers(values)) { Name = name, Color = color, ShowPoints = showPoints });

    /// <summary>Creates a heatmap of the matrix <paramref name="z"/>: row i is drawn at y label i, column j at x label j.</summary>
    /// <param name="z">The matrix.</param>
    /// <param name="x">The column labels; null for 0, 1, ….</param>
    /// <param name="y">The row labels; null for 0, 1, ….</param>
    /// <param name="colorScale">A plotly.js colorscale name such as "Viridis" or "Blues"; null for the default.</param>
    public static Chart Heatmap<T>(T[,] z, IEnumerable<string>? x = null, IEnumerable<string>? y = null, string? colorScale = null)
        where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(z);
        var rows = Enumerable.Range(0, z.GetLength(0))
            .Select(i => DataArray.FromNumbers(Enumerable.Range(0, z.GetLength(1)).Select(j => z[i, j])))
            .ToArray();
        return Single(HeatmapOf(rows, x, y, colorScale));
    }

    /// <summary>Creates a heatmap of the rows <paramref name="z"/>: row i is drawn at y label i, column j at x label j.</summary>
    /// <param name="z">The matrix rows, all of one length.</param>
    /// <param name="x">The column labels; null for 0, 1, ….</param>
    /// <param name="y">The row labels; null for 0, 1, ….</param>
    /// <param name="colorScale">A plotly.js colorscale name such as "Viridis" or "Blues"; null for the default.</param>
    public static Chart Heatmap<T>(IEnumerable<IEnumerable<T>> z, IEnumerable<string>? x = null, IEnumerable<string>? y = null, string? colorScale = null)
        where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(z);
        return Single(HeatmapOf([.. z.Select(DataArray.FromNumbers)], x, y, colorScale));
    }

    private static HeatmapTrace HeatmapOf(DataArray[] rows, IEnumerable<string>? x, IEnumerable<string>? y, string? colorScale) =>
        new(rows, x is null ? null : DataArray.FromCategories(x), y is null ? null : DataArray.FromCategories(y)) { ColorScale = colorScale };

    private static Chart Single(Trace trace) => new([trace]);
}
