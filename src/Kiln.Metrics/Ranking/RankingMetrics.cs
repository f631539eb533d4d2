using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>Score-based binary metrics: ROC and precision-recall curves, ROC AUC and average precision.</summary>
/// <remarks>
/// scikit-learn 1.2 semantics. Scores are any real numbers where higher means "more positive" (probabilities,
/// logits, margins); NaN or infinite scores throw. A ROC AUC with a single class in <c>yTrue</c> is NaN with an
/// <c>UndefinedMetricWarning</c> (as scikit-learn ≥ 1.6; 1.2 raised an error).
/// </remarks>
public static partial class RankingMetrics
{
    /// <summary>Computes the ROC curve of binary scores.</summary>
    /// <param name="yTrue">The true labels: {0, 1} or {−1, 1}, or any two labels with <paramref name="posLabel"/>.</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="posLabel">The positive label; null means 1 for {0, 1} or {−1, 1} labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none); zero-weight samples are dropped.</param>
    /// <param name="dropIntermediate">Drop collinear points that do not change the curve's shape.</param>
    /// <remarks>scikit-learn: roc_curve.</remarks>
    public static RocCurve RocCurve(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel = null, ReadOnlySpan<double> sampleWeight = default, bool dropIntermediate = true) =>
        CurveCore.Roc(yTrue, yScore, posLabel, sampleWeight, dropIntermediate);

    /// <summary>Computes the ROC curve of single-precision scores (widened to double).</summary>
    /// <param name="yTrue">The true labels: {0, 1} or {−1, 1}, or any two labels with <paramref name="posLabel"/>.</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="posLabel">The positive label; null means 1 for {0, 1} or {−1, 1} labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="dropIntermediate">Drop collinear points that do not change the curve's shape.</param>
    /// <remarks>scikit-learn: roc_curve.</remarks>
    public static RocCurve RocCurve(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<float> yScore, int? posLabel = null, ReadOnlySpan<double> sampleWeight = default, bool dropIntermediate = true) =>
        CurveCore.Roc(yTrue, Widen(yScore), posLabel, sampleWeight, dropIntermediate);

    /// <summary>Computes the precision-recall curve of binary scores.</summary>
    /// <param name="yTrue">The true labels: {0, 1} or {−1, 1}, or any two labels with <paramref name="posLabel"/>.</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="posLabel">The positive label; null means 1 for {0, 1} or {−1, 1} labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: precision_recall_curve.</remarks>
    public static PrecisionRecallCurve PrecisionRecallCurve(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel = null, ReadOnlySpan<double> sampleWeight = default) =>
        CurveCore.PrecisionRecall(yTrue, yScore, posLabel, sampleWeight);

    /// <summary>Computes the precision-recall curve of single-precision scores (widened to double).</summary>
    /// <param name="yTrue">The true labels: {0, 1} or {−1, 1}, or any two labels with <paramref name="posLabel"/>.</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="posLabel">The positive label; null means 1 for {0, 1} or {−1, 1} labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: precision_recall_curve.</remarks>
    public static PrecisionRecallCurve PrecisionRecallCurve(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<float> yScore, int? posLabel = null, ReadOnlySpan<double> sampleWeight = default) =>
        CurveCore.PrecisionRecall(yTrue, Widen(yScore), posLabel, sampleWeight);

    /// <summary>The average precision: the step-wise area under the precision-recall curve, Σ (Rₙ − Rₙ₋₁) Pₙ.</summary>
    /// <param name="yTrue">The true labels (at most two distinct values).</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="posLabel">The positive label.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>
    /// scikit-learn: average_precision_score. This is the AUPRC Kiln reports: step-wise, without interpolation, which is
    /// never optimistic, unlike the trapezoidal <c>auc(recall, precision)</c>. With no positives it is 0 with a warning.
    /// </remarks>
    public static double AveragePrecision(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int posLabel = 1, ReadOnlySpan<double> sampleWeight = default)
    {
        var present = LabelOrder<int>.Unique(yTrue.ToArray());
        if (present.Length > 2)
        {
            throw new ArgumentException(
                $"yTrue has {present.Length} classes; average precision is for binary targets (compute it per class against the rest).", nameof(yTrue));
        }

        if (present.Length == 2 && Array.IndexOf(present, posLabel) < 0)
        {
            throw new ArgumentException($"posLabel={posLabel} is not a valid label; it should be one of [{string.Join(", ", present)}].", nameof(posLabel));
        }

        return CurveCore.PrecisionRecall(yTrue, yScore, posLabel, sampleWeight).AveragePrecision;
    }

    /// <summary>The average precision of single-precision scores (widened to double).</summary>
    /// <param name="yTrue">The true labels (at most two distinct values).</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="posLabel">The positive label.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: average_precision_score.</remarks>
    public static double AveragePrecision(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> yScore, int posLabel = 1, ReadOnlySpan<double> sampleWeight = default) =>
        AveragePrecision(yTrue, Widen(yScore), posLabel, sampleWeight);

    /// <summary>The area under the ROC curve of binary scores (the score is for the greater label).</summary>
    /// <param name="yTrue">The true labels (two distinct values; the greater one is positive).</param>
    /// <param name="yScore">The scores of the greater label, e.g. <c>predict_proba[:, 1]</c>.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="maxFpr">Optional upper false positive rate for a McClish-standardized partial AUC, in (0, 1].</param>
    /// <remarks>scikit-learn: roc_auc_score. Tied scores get half credit (trapezoids). One class only: NaN with a warning.</remarks>
    public static double RocAuc(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, ReadOnlySpan<double> sampleWeight = default, double? maxFpr = null)
    {
        Guard.SameLength(yTrue.Length, "yTrue", yScore.Length, "yScore");
        Guard.NotEmpty(yTrue.Length, "yTrue");
        var classes = LabelOrder<int>.Unique(yTrue.ToArray());
        if (classes.Length > 2)
        {
            throw new ArgumentException(
                $"yTrue has {classes.Length} classes; for multiclass targets call RocAucOneVsRest with a probability matrix.", nameof(yTrue));
        }

        if (maxFpr is { } m && (m <= 0 || m > 1 || double.IsNaN(m)))
        {
            throw new ArgumentOutOfRangeException(nameof(maxFpr), m, "maxFpr must be in (0, 1].");
        }

        if (classes.Length != 2)
        {
            return SingleClass();
        }

        var binary = new int[yTrue.Length];
        for (var i = 0; i < binary.Length; i++)
        {
            binary[i] = yTrue[i] == classes[1] ? 1 : 0;
        }

        return BinaryAuc(binary, yScore, sampleWeight, maxFpr);
    }

    /// <summary>The area under the ROC curve of single-precision binary scores (widened to double).</summary>
    /// <param name="yTrue">The true labels (two distinct values; the greater one is positive).</param>
    /// <param name="yScore">The scores of the greater label.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="maxFpr">Optional upper false positive rate for a standardized partial AUC, in (0, 1].</param>
    /// <remarks>scikit-learn: roc_auc_score.</remarks>
    public static double RocAuc(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> yScore, ReadOnlySpan<double> sampleWeight = default, double? maxFpr = null) =>
        RocAuc(yTrue, Widen(yScore), sampleWeight, maxFpr);

    internal static double BinaryAuc(ReadOnlySpan<int> yTrue01, ReadOnlySpan<double> yScore, ReadOnlySpan<double> sampleWeight, double? maxFpr)
    {
        var hasPos = false;
        var hasNeg = false;
        foreach (var label in yTrue01)
        {
            hasPos |= label == 1;
            hasNeg |= label == 0;
        }

        if (!hasPos || !hasNeg)
        {
            return SingleClass();
        }

        var roc = CurveCore.Roc(yTrue01, yScore, null, sampleWeight, dropIntermediate: true);
        var fpr = roc.FalsePositiveRate.ToArray();
        var tpr = roc.TruePositiveRate.ToArray();
        if (double.IsNaN(fpr[^1]) || double.IsNaN(tpr[^1]))
        {
            return double.NaN;
        }

        if (maxFpr is not { } max || max == 1)
        {
            return CurveCore.Auc(fpr, tpr);
        }

        var stop = 0;
        while (stop < fpr.Length && fpr[stop] <= max)
        {
            stop++;
        }

        var slope = (tpr[stop] - tpr[stop - 1]) / (fpr[stop] - fpr[stop - 1]);
        var interp = (slope * (max - fpr[stop - 1])) + tpr[stop - 1];
        double[] x = [.. fpr[..stop], max];
        double[] y = [.. tpr[..stop], interp];
        var partial = CurveCore.Auc(x, y);
        var minArea = 0.5 * max * max;
        return 0.5 * (1 + ((partial - minArea) / (max - minArea)));
    }

    internal static double[] Widen(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    private static double SingleClass()
    {
        MetricWarnings.Warn(MetricWarning.UndefinedMetric, "Only one class present in y_true. ROC AUC score is not defined in that case.");
        return double.NaN;
    }
}
