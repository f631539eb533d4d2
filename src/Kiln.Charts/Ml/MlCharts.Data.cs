using System.Numerics;

namespace Kiln.Charts;

public static partial class MlCharts
{
    /// <summary>Draws one histogram per feature in a grid, each titled with the feature name.</summary>
    /// <remarks>pandas: <c>DataFrame.hist()</c>. Rows are added as needed for <paramref name="columns"/> histograms per row.</remarks>
    /// <exception cref="ArgumentException">There are no features.</exception>
    public static Chart FeatureDistributions<TValues>(IReadOnlyDictionary<string, TValues> valuesByFeature, int columns = 3, int? bins = null)
        where TValues : IEnumerable<double>
    {
        ArgumentNullException.ThrowIfNull(valuesByFeature);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (valuesByFeature.Count == 0)
        {
            throw new ArgumentException("FeatureDistributions needs at least one feature, such as [\"age\"] = ages.", nameof(valuesByFeature));
        }

        var histograms = valuesByFeature
            .Select(pair => Chart.Histogram(pair.Value ?? throw new ArgumentException($"Feature '{pair.Key}' is null.", nameof(valuesByFeature)), bins, name: pair.Key)
                .WithTitle(pair.Key))
            .ToList();
        var used = Math.Min(columns, histograms.Count);
        var rows = (histograms.Count + used - 1) / used;
        var grid = Chart.Grid(rows, used, histograms);
        return grid.WithLayout(grid.Layout with { Title = "Feature distributions", ShowLegend = false, Height = Math.Max(300, 260 * rows) });
    }

    /// <summary>Draws predictions against true values with the identity line y = x that perfect predictions would sit on.</summary>
    /// <remarks>scikit-learn: <c>PredictionErrorDisplay(kind="actual_vs_predicted")</c>.</remarks>
    /// <exception cref="ArgumentException">The arrays differ in length or are empty.</exception>
    public static Chart PredictedVsActual<T>(IEnumerable<T> actual, IEnumerable<T> predicted, string title = "Predicted vs actual")
        where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        var a = actual.Select(double.CreateChecked).ToArray();
        var p = predicted.Select(double.CreateChecked).ToArray();
        var finite = a.Concat(p).Where(double.IsFinite).ToArray();
        if (a.Length != p.Length || finite.Length == 0)
        {
            throw new ArgumentException($"Pass one prediction per true value, at least one finite: got {a.Length} true values and {p.Length} predictions.", nameof(predicted));
        }

        double low = finite.Min(), high = finite.Max();
        var points = Chart.Scatter(a, p, name: "Predictions", markerSize: 6);
        var identity = new Chart([new ScatterTrace(DataArray.FromNumbers(new[] { low, high }), DataArray.FromNumbers(new[] { low, high }))
        {
            Mode = ScatterMode.Lines,
            Name = "Ideal (y = x)",
            Color = "#7f7f7f",
            LineDash = "dash",
        }]);
        return Chart.Combine(points, identity).WithTitle(title).WithXAxis("Actual").WithYAxis("Predicted").WithLegend();
    }
}
