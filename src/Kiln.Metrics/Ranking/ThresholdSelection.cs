using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>Picks decision thresholds from the precision-recall curve of binary scores.</summary>
/// <remarks>
/// Every helper reads <see cref="RankingMetrics.PrecisionRecallCurve(ReadOnlySpan{int}, ReadOnlySpan{double}, int?, ReadOnlySpan{double})"/>:
/// the candidate thresholds are the distinct scores, a sample is predicted positive when its score is at least the
/// threshold, and the curve's final (precision 1, recall 0) point, which has no threshold, is never chosen.
/// F-beta at a point is (1 + β²)·P·R / (β²·P + R), or 0 when P = R = 0. Use a validation set, not the test set.
/// </remarks>
public static class ThresholdSelection
{
    /// <summary>F-scores closer than this count as tied, so rounding cannot pick a lower threshold for an exact tie.</summary>
    public const double TieTolerance = 1e-12;

    /// <summary>The highest threshold whose recall is at least <paramref name="minRecall"/> (the most precise such threshold).</summary>
    /// <param name="yTrue">The true binary labels.</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="minRecall">The recall to reach, in [0, 1].</param>
    /// <param name="posLabel">The positive label; null means 1 for {0, 1} or {−1, 1} labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <returns>The threshold with its precision, recall and F1; the lowest threshold always reaches recall 1.</returns>
    public static ThresholdPoint ThresholdForRecall(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, double minRecall, int? posLabel = null, ReadOnlySpan<double> sampleWeight = default)
    {
        CheckTarget(minRecall, nameof(minRecall));
        var points = Points(yTrue, yScore, posLabel, sampleWeight, 1.0);
        for (var i = points.Length - 1; i >= 0; i--)
        {
            if (points[i].Recall >= minRecall)
            {
                return points[i];
            }
        }

        return points[0];
    }

    /// <summary>The lowest threshold whose precision is at least <paramref name="minPrecision"/> (the best recall at that precision).</summary>
    /// <param name="yTrue">The true binary labels.</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="minPrecision">The precision to reach, in [0, 1].</param>
    /// <param name="posLabel">The positive label; null means 1 for {0, 1} or {−1, 1} labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <returns>The threshold with its precision, recall and F1, or null when no threshold reaches the precision.</returns>
    public static ThresholdPoint? ThresholdForPrecision(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, double minPrecision, int? posLabel = null, ReadOnlySpan<double> sampleWeight = default)
    {
        CheckTarget(minPrecision, nameof(minPrecision));
        foreach (var point in Points(yTrue, yScore, posLabel, sampleWeight, 1.0))
        {
            if (point.Precision >= minPrecision)
            {
                return point;
            }
        }

        return null;
    }

    /// <summary>The threshold with the highest F1 score (the highest such threshold when several tie within <see cref="TieTolerance"/>).</summary>
    /// <param name="yTrue">The true binary labels.</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="posLabel">The positive label; null means 1 for {0, 1} or {−1, 1} labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    public static ThresholdPoint BestF1Threshold(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel = null, ReadOnlySpan<double> sampleWeight = default) =>
        BestFBetaThreshold(yTrue, yScore, 1.0, posLabel, sampleWeight);

    /// <summary>The threshold with the highest F-beta score (the highest such threshold when several tie within <see cref="TieTolerance"/>).</summary>
    /// <param name="yTrue">The true binary labels.</param>
    /// <param name="yScore">The scores, higher meaning more likely positive.</param>
    /// <param name="beta">The recall weight (≥ 0).</param>
    /// <param name="posLabel">The positive label; null means 1 for {0, 1} or {−1, 1} labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    public static ThresholdPoint BestFBetaThreshold(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, double beta, int? posLabel = null, ReadOnlySpan<double> sampleWeight = default)
    {
        if (!(beta >= 0) || double.IsPositiveInfinity(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be a finite number >= 0.");
        }

        var points = Points(yTrue, yScore, posLabel, sampleWeight, beta);
        var best = points[^1];
        for (var i = points.Length - 2; i >= 0; i--)
        {
            if (points[i].FScore > best.FScore + TieTolerance)
            {
                best = points[i];
            }
        }

        return best;
    }

    private static ThresholdPoint[] Points(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel, ReadOnlySpan<double> sampleWeight, double beta)
    {
        Guard.NotEmpty(yTrue.Length, "yTrue");
        var curve = CurveCore.PrecisionRecall(yTrue, yScore, posLabel, sampleWeight);
        var b2 = beta * beta;
        var points = new ThresholdPoint[curve.Thresholds.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var p = curve.Precision[i];
            var r = curve.Recall[i];
            var denominator = (b2 * p) + r;
            points[i] = new ThresholdPoint(curve.Thresholds[i], p, r, denominator == 0 ? 0 : (1 + b2) * p * r / denominator);
        }

        return points;
    }

    private static void CheckTarget(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1].");
        }
    }
}
