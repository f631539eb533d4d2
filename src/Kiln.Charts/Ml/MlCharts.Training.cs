using System.Globalization;

namespace Kiln.Charts;

/// <summary>Charts for the machine-learning workflow, built from plain arrays: training curves, confusion matrices, ROC and PR curves, distributions, residual views.</summary>
/// <remarks>Each returns an ordinary <see cref="Chart"/>, so it can be restyled with the <c>With…</c> methods, combined or saved.</remarks>
public static partial class MlCharts
{
    /// <summary>plotly.js's default colorway, so train and validation series of one quantity can share a color.</summary>
    private static readonly string[] Colorway =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private static readonly string[] ValidationPrefixes = ["val_", "val ", "validation_", "validation ", "valid_", "test_"];

    /// <summary>Draws loss and metric series per epoch: validation series dashed in the color of their training series.</summary>
    /// <remarks>
    /// Keras: <c>history.history</c> (<c>loss</c>, <c>val_loss</c>, <c>accuracy</c>, …). Epochs are numbered from 1. A series whose
    /// name starts with <c>val_</c>, <c>validation_</c>, <c>valid_</c> or <c>test_</c> pairs with the series named without it.
    /// When there are both loss series (names containing "loss") and metric series, they are drawn side by side.
    /// </remarks>
    /// <exception cref="ArgumentException">There are no series.</exception>
    public static Chart TrainingCurves<TSeries>(IReadOnlyDictionary<string, TSeries> seriesByName, string title = "Training curves")
        where TSeries : IEnumerable<double>
    {
        ArgumentNullException.ThrowIfNull(seriesByName);
        ArgumentNullException.ThrowIfNull(title);
        if (seriesByName.Count == 0)
        {
            throw new ArgumentException("TrainingCurves needs at least one series, such as [\"loss\"] = lossPerEpoch.", nameof(seriesByName));
        }

        var baseNames = seriesByName.Keys.Select(BaseName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var lines = seriesByName.Select(pair =>
        {
            var values = (pair.Value ?? throw new ArgumentException($"Series '{pair.Key}' is null.", nameof(seriesByName))).ToArray();
            var color = Colorway[baseNames.FindIndex(b => b.Equals(BaseName(pair.Key), StringComparison.OrdinalIgnoreCase)) % Colorway.Length];
            var trace = new ScatterTrace(DataArray.Range(values.Length, start: 1), DataArray.FromNumbers(values))
            {
                Mode = ScatterMode.LinesAndMarkers,
                Name = pair.Key,
                Color = color,
                LineDash = IsValidation(pair.Key) ? "dash" : null,
            };
            return (IsLoss: pair.Key.Contains("loss", StringComparison.OrdinalIgnoreCase), Chart: new Chart([trace]));
        }).ToList();

        var losses = lines.Where(l => l.IsLoss).Select(l => l.Chart).ToList();
        var metrics = lines.Where(l => !l.IsLoss).Select(l => l.Chart).ToList();
        if (losses.Count == 0 || metrics.Count == 0)
        {
            var yTitle = losses.Count > 0 ? "Loss" : "Value";
            return Chart.Combine(lines.Select(l => l.Chart)).WithTitle(title).WithXAxis("Epoch").WithYAxis(yTitle).WithLegend();
        }

        var lossPanel = Chart.Combine(losses).WithTitle("Loss").WithXAxis("Epoch").WithYAxis("Loss");
        var metricPanel = Chart.Combine(metrics).WithTitle("Metrics").WithXAxis("Epoch").WithYAxis("Value");
        var grid = Chart.Grid(1, 2, lossPanel, metricPanel);
        return grid.WithLayout(grid.Layout with { Title = title, ShowLegend = true });
    }

    /// <summary>Draws a training loss per epoch, and a validation loss beside it when given.</summary>
    public static Chart LossCurve(IEnumerable<double> trainLoss, IEnumerable<double>? validationLoss = null, string title = "Loss")
    {
        ArgumentNullException.ThrowIfNull(trainLoss);
        var series = new Dictionary<string, IEnumerable<double>> { ["loss"] = trainLoss };
        if (validationLoss is not null)
        {
            series["val_loss"] = validationLoss;
        }

        return TrainingCurves(series, title);
    }

    private static bool IsValidation(string name) =>
        Array.Exists(ValidationPrefixes, p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static string BaseName(string name) =>
        Array.Find(ValidationPrefixes, p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix
            ? name[prefix.Length..]
            : name;

    private static string FormatArea(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
