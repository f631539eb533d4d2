namespace Kiln.Charts;

public static partial class MlCharts
{
    /// <summary>Draws a confusion matrix as a heatmap with the count (or row fraction) written in each cell.</summary>
    /// <remarks>
    /// scikit-learn: <c>ConfusionMatrixDisplay</c>. Rows are true labels (top to bottom), columns predicted labels, as
    /// <c>sklearn.metrics.confusion_matrix</c> returns them. With <paramref name="normalize"/> each row is divided by its
    /// total (<c>normalize="true"</c>), so the diagonal shows per-class recall.
    /// </remarks>
    /// <exception cref="ArgumentException">The matrix is not square or does not match the labels.</exception>
    public static Chart ConfusionMatrix(IReadOnlyList<string> labels, int[,] counts, bool normalize = false, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(title);
        var n = counts.GetLength(0);
        if (counts.GetLength(1) != n || labels.Count != n)
        {
            throw new ArgumentException(
                $"A confusion matrix is square with one row per label: got {counts.GetLength(0)} x {counts.GetLength(1)} counts and {labels.Count} labels.",
                nameof(counts));
        }

        var rows = Enumerable.Range(0, n).Select(i =>
        {
            var row = Enumerable.Range(0, n).Select(j => (double)counts[i, j]).ToArray();
            var total = row.Sum();
            return DataArray.FromNumbers(normalize ? row.Select(c => total == 0 ? 0 : c / total) : row);
        }).ToArray();
        var heatmap = new HeatmapTrace(rows, DataArray.FromCategories(labels), DataArray.FromCategories(labels))
        {
            ColorScale = "Blues",
            ReverseScale = true,
            TextTemplate = normalize ? "%{z:.2f}" : "%{z}",
        };
        var chart = new Chart([heatmap], new Layout
        {
            Title = title,
            Axes = new Dictionary<string, Axis>
            {
                ["xaxis"] = new() { Title = "Predicted label", Type = AxisType.Category },
                ["yaxis"] = new() { Title = "True label", Type = AxisType.Category, Reversed = true },
            },
        });
        return chart;
    }

    /// <summary>Draws a ROC curve (true positive rate against false positive rate) with its AUC in the legend and the chance diagonal.</summary>
    /// <remarks>scikit-learn: <c>RocCurveDisplay</c>; pass <c>fpr, tpr</c> from <c>roc_curve</c> and <c>roc_auc_score</c>. The legend reads "ROC (AUC = 0.87)".</remarks>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static Chart RocCurve(IEnumerable<double> falsePositiveRate, IEnumerable<double> truePositiveRate, double auc, string name = "ROC")
    {
        ArgumentNullException.ThrowIfNull(name);
        var curve = Chart.Line(falsePositiveRate, truePositiveRate, name: $"{name} (AUC = {FormatArea(auc)})");
        var chance = new Chart([DashedLine([0.0, 1.0], [0.0, 1.0], "Chance (AUC = 0.50)")]);
        return Chart.Combine(curve, chance)
            .WithTitle("ROC curve")
            .WithXAxis("False positive rate", range: (0, 1))
            .WithYAxis("True positive rate", range: (0, 1.02))
            .WithLegend();
    }

    /// <summary>Draws a precision-recall curve with its area in the legend, and the chance level when the positive rate is given.</summary>
    /// <remarks>
    /// scikit-learn: <c>PrecisionRecallDisplay</c>; pass <c>precision, recall</c> from <c>precision_recall_curve</c> and the area
    /// (<c>auc(recall, precision)</c> or <c>average_precision_score</c>). The legend reads "PR (AUC = 0.87)". A classifier that
    /// guesses has precision equal to <paramref name="positiveRate"/>, drawn dashed when given.
    /// </remarks>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static Chart PrecisionRecallCurve(IEnumerable<double> recall, IEnumerable<double> precision, double auc, string name = "PR", double? positiveRate = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var charts = new List<Chart> { Chart.Line(recall, precision, name: $"{name} (AUC = {FormatArea(auc)})") };
        if (positiveRate is { } rate)
        {
            charts.Add(new Chart([DashedLine([0.0, 1.0], [rate, rate], $"Chance (AUC = {FormatArea(rate)})")]));
        }

        return Chart.Combine(charts)
            .WithTitle("Precision-recall curve")
            .WithXAxis("Recall", range: (0, 1))
            .WithYAxis("Precision", range: (0, 1.02))
            .WithLegend();
    }

    private static ScatterTrace DashedLine(double[] x, double[] y, string name) =>
        new(DataArray.FromNumbers(x), DataArray.FromNumbers(y)) { Mode = ScatterMode.Lines, Name = name, Color = "#7f7f7f", LineDash = "dash" };
}
