using Kiln.Display;
using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>The usual binary classification metrics at one threshold, named as ML.NET names them.</summary>
/// <remarks>ML.NET: <c>CalibratedBinaryClassificationMetrics</c>; created by <see cref="ClassificationMetrics.EvaluateBinary"/>.</remarks>
public sealed class BinaryClassificationSummary : IDisplayable
{
    internal BinaryClassificationSummary()
    {
    }

    /// <summary>The probability threshold at or above which a sample is predicted positive.</summary>
    public double Threshold { get; init; }

    /// <summary>The fraction of correct predictions (scikit-learn accuracy_score).</summary>
    public double Accuracy { get; init; }

    /// <summary>The precision of the positive class (0 when nothing is predicted positive).</summary>
    public double PositivePrecision { get; init; }

    /// <summary>The recall of the positive class (0 when there are no positives).</summary>
    public double PositiveRecall { get; init; }

    /// <summary>The F1 score of the positive class.</summary>
    public double F1Score { get; init; }

    /// <summary>The precision of the negative class.</summary>
    public double NegativePrecision { get; init; }

    /// <summary>The recall of the negative class (specificity).</summary>
    public double NegativeRecall { get; init; }

    /// <summary>The area under the ROC curve (NaN for a single-class input).</summary>
    public double AreaUnderRocCurve { get; init; }

    /// <summary>The area under the precision-recall curve as step-wise average precision (0 with no positives).</summary>
    public double AreaUnderPrecisionRecallCurve { get; init; }

    /// <summary>The log loss of the probabilities (clipped to machine epsilon).</summary>
    public double LogLoss { get; init; }

    /// <summary>The 2×2 confusion matrix at the threshold, labels 0 then 1.</summary>
    public required ConfusionMatrix ConfusionMatrix { get; init; }

    /// <summary>Returns the metrics one per line.</summary>
    public override string ToString() =>
        string.Join('\n', Rows().Select(r => $"{r.Name,-32} {r.Value}")) + "\n" + ConfusionMatrix;

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle()
    {
        var table = Html.Table($"Binary classification at threshold {Html.Number(Threshold)}", ["metric", "value"], Rows().Select(r => new[] { r.Name, r.Value }));
        var cm = ConfusionMatrix.ToMimeBundle().GetText(MimeTypes.Html);
        return new MimeBundle().Add(MimeTypes.Html, table + cm).Add(MimeTypes.PlainText, ToString());
    }

    private IEnumerable<(string Name, string Value)> Rows() =>
    [
        ("Accuracy", Html.Number(Accuracy)),
        ("Positive precision", Html.Number(PositivePrecision)),
        ("Positive recall", Html.Number(PositiveRecall)),
        ("F1 score", Html.Number(F1Score)),
        ("Negative precision", Html.Number(NegativePrecision)),
        ("Negative recall", Html.Number(NegativeRecall)),
        ("Area under ROC curve", Html.Number(AreaUnderRocCurve)),
        ("Area under PR curve (avg. prec.)", Html.Number(AreaUnderPrecisionRecallCurve)),
        ("Log loss", Html.Number(LogLoss)),
    ];
}
