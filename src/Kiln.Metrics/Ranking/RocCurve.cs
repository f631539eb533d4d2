using Kiln.Display;
using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>A receiver operating characteristic curve: false and true positive rates by decreasing threshold.</summary>
/// <remarks>
/// scikit-learn 1.2: <c>roc_curve</c>. The first point is (0, 0) at threshold <c>max(score) + 1</c>; rates are NaN
/// (with a warning) when the data has no negatives or no positives.
/// </remarks>
public sealed class RocCurve : IDisplayable
{
    internal RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds)
    {
        FalsePositiveRate = falsePositiveRate;
        TruePositiveRate = truePositiveRate;
        Thresholds = thresholds;
    }

    /// <summary>The false positive rate at each threshold (non-decreasing).</summary>
    public IReadOnlyList<double> FalsePositiveRate { get; }

    /// <summary>The true positive rate (recall) at each threshold (non-decreasing).</summary>
    public IReadOnlyList<double> TruePositiveRate { get; }

    /// <summary>The decreasing score thresholds; a sample is positive when its score is at least the threshold.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>The area under this curve by the trapezoid rule.</summary>
    /// <remarks>scikit-learn: <c>auc(fpr, tpr)</c>.</remarks>
    public double Area => CurveCore.Auc(FalsePositiveRate.ToArray(), TruePositiveRate.ToArray());

    /// <summary>Returns a one-line summary: the number of points and the area.</summary>
    public override string ToString() => $"RocCurve: {Thresholds.Count} points, AUC = {Html.Number(Area)}";

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle()
    {
        var rows = Thresholds.Select((t, i) => new[] { Html.Number(t), Html.Number(FalsePositiveRate[i]), Html.Number(TruePositiveRate[i]) });
        var html = Html.Table(ToString(), ["threshold", "false positive rate", "true positive rate"], rows, firstColumnIsHeader: false);
        return new MimeBundle().Add(MimeTypes.Html, html).Add(MimeTypes.PlainText, ToString());
    }
}
