using Kiln.Display;
using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>A precision-recall curve by increasing threshold, ending at precision 1 and recall 0 (no threshold).</summary>
/// <remarks>
/// scikit-learn 1.2: <c>precision_recall_curve</c>. <see cref="Precision"/> and <see cref="Recall"/> have one more
/// element than <see cref="Thresholds"/>. With no positive samples recall is 1 everywhere (with a warning).
/// </remarks>
public sealed class PrecisionRecallCurve : IDisplayable
{
    internal PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds)
    {
        Precision = precision;
        Recall = recall;
        Thresholds = thresholds;
    }

    /// <summary>Precision at each threshold, then 1.</summary>
    public IReadOnlyList<double> Precision { get; }

    /// <summary>Recall at each threshold (non-increasing), then 0.</summary>
    public IReadOnlyList<double> Recall { get; }

    /// <summary>The increasing distinct score thresholds; a sample is positive when its score is at least the threshold.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>The step-wise average precision of this curve: Σ (R[i] − R[i+1]) · P[i].</summary>
    /// <remarks>scikit-learn: <c>average_precision_score</c>; not the trapezoidal (optimistic) <c>auc(recall, precision)</c>.</remarks>
    public double AveragePrecision
    {
        get
        {
            var terms = new double[Recall.Count - 1];
            for (var i = 0; i < terms.Length; i++)
            {
                terms[i] = (Recall[i + 1] - Recall[i]) * Precision[i];
            }

            return -NumpyMath.Sum(terms);
        }
    }

    /// <summary>Returns a one-line summary: the number of thresholds and the average precision.</summary>
    public override string ToString() => $"PrecisionRecallCurve: {Thresholds.Count} thresholds, average precision = {Html.Number(AveragePrecision)}";

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle()
    {
        var rows = Thresholds.Select((t, i) => new[] { Html.Number(t), Html.Number(Precision[i]), Html.Number(Recall[i]) });
        var html = Html.Table(ToString(), ["threshold", "precision", "recall"], rows, firstColumnIsHeader: false);
        return new MimeBundle().Add(MimeTypes.Html, html).Add(MimeTypes.PlainText, ToString());
    }
}
