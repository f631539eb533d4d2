using Kiln.Charts;

namespace Kiln.Charts.Tests.Support;

/// <summary>One chart of each kind, built as a user would; each has a hand-written expected figure in Fixtures/Figures.</summary>
internal static class ChartCases
{
    public static readonly IReadOnlyDictionary<string, Func<Chart>> All = new Dictionary<string, Func<Chart>>
    {
        ["line"] = () => Chart.Line(new[] { 1, 2, 3 }, new[] { 2.5, 3.0, 1.5 }, name: "loss", color: "#d62728")
            .WithTitle("Loss").WithXAxis("Epoch").WithYAxis("Loss", AxisType.Log),
        ["line-index"] = () => Chart.Line(new List<float> { 0.5f, 0.25f }),
        ["scatter-dates"] = () => Chart.Scatter(
            new[] { new DateTime(2024, 1, 1), new DateTime(2024, 1, 2, 12, 30, 0) }, new[] { 1.0, double.NaN }, markerSize: 8),
        ["area"] = () => Chart.Area(Enumerable.Range(0, 3), new[] { 1f, 4f, 2f }, name: "area"),
        ["bar"] = () => Chart.Bar(new[] { "cat", "dog", "bird" }, new[] { 3, 5, 1 }, color: "teal").WithSize(600, 400),
        ["bar-horizontal"] = () => Chart.Bar(new[] { "a", "b" }, new[] { 0.2, 0.8 }, orientation: BarOrientation.Horizontal),
        ["histogram"] = () => Chart.Histogram(new[] { 1.0, 2, 2, 3, 3, 3 }, bins: 3, name: "x"),
        ["box"] = () => Chart.Box(new[] { 1, 2, 3, 4, 100 }, name: "latency", showPoints: true),
        ["heatmap"] = () => Chart.Heatmap(new[,] { { 1, 2 }, { 3, 4 } }, x: ["a", "b"], y: ["r1", "r2"], colorScale: "Viridis"),
        ["heatmap-jagged"] = () => Chart.Heatmap(new[] { new[] { 0.5, 1.5 }, new[] { 2.5, 3.5 } }),
        ["combine"] = () => Chart.Combine(
                Chart.Scatter(new[] { 1.0, 2.0 }, new[] { 1.0, 4.0 }, name: "points"),
                Chart.Line(new[] { 1.0, 2.0 }, new[] { 1.0, 2.0 }, name: "fit", markers: true).WithXAxis("x"))
            .WithTitle("Fit").WithLegend(false),
        ["histogram-overlay"] = () => Chart.Combine(
                Chart.Histogram(new[] { 1, 2, 2 }, name: "train"),
                Chart.Histogram(new[] { 2, 3 }, name: "test", color: "orange"))
            .WithBarMode(BarMode.Overlay),
        ["grid"] = () => Chart.Grid(
            1,
            2,
            Chart.Line(new[] { 0, 1 }, new[] { 0, 1 }).WithTitle("Left").WithXAxis("a"),
            Chart.Bar(new[] { "u", "v" }, new[] { 2, 3 }).WithTitle("Right").WithYAxis("count")),
        ["ml-confusion-matrix"] = () => MlCharts.ConfusionMatrix(["cat", "dog"], new[,] { { 5, 1 }, { 2, 7 } }),
        ["ml-confusion-matrix-normalized"] = () => MlCharts.ConfusionMatrix(["0", "1"], new[,] { { 3, 1 }, { 0, 0 } }, normalize: true),
        ["ml-roc"] = () => MlCharts.RocCurve([0, 0.25, 0.5, 1], [0, 0.75, 0.875, 1], 0.765625),
        ["ml-precision-recall"] = () => MlCharts.PrecisionRecallCurve([1, 0.5, 0], [0.5, 0.75, 1], 0.75, positiveRate: 0.5),
        ["ml-training-curves"] = () => MlCharts.TrainingCurves(new Dictionary<string, double[]>
        {
            ["loss"] = [0.9, 0.5],
            ["val_loss"] = [1.0, 0.7],
            ["accuracy"] = [0.6, 0.8],
            ["val_accuracy"] = [0.55, 0.7],
        }),
        ["ml-loss-curve"] = () => MlCharts.LossCurve([0.9, 0.5], [1.0, 0.7]),
        ["ml-predicted-vs-actual"] = () => MlCharts.PredictedVsActual(new[] { 1.0, 2.0, 4.0 }, new[] { 1.5, 1.5, 3.0 }),
        ["ml-feature-distributions"] = () => MlCharts.FeatureDistributions(new Dictionary<string, List<double>>
        {
            ["age"] = [20, 30, 30],
            ["fare"] = [7.25, 71.5],
        }),
    };

    public static TheoryData<string> Names => new(All.Keys);
}
