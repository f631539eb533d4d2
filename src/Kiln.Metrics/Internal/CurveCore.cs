namespace Kiln.Metrics.Internal;

/// <summary>scikit-learn's <c>_binary_clf_curve</c> and the curves built on it, in its arithmetic order.</summary>
internal static class CurveCore
{
    /// <summary>Cumulative false and true positives at each distinct score, scores descending.</summary>
    public static (double[] Fps, double[] Tps, double[] Thresholds) BinaryClfCurve(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel, ReadOnlySpan<double> sampleWeight)
    {
        Guard.SameLength(yTrue.Length, "yTrue", yScore.Length, "yScore");
        Guard.Weights(sampleWeight, yTrue.Length, "yTrue");
        Guard.Finite(yScore, "yScore");
        var count = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (sampleWeight.IsEmpty || sampleWeight[i] != 0)
            {
                count++;
            }
        }

        if (count == 0)
        {
            throw new ArgumentException("No sample has a non-zero weight (or yTrue is empty); a curve needs at least one weighted sample.", nameof(yTrue));
        }

        var keep = new int[count];
        var truth = new int[count];
        var scores = new double[count];
        for (int i = 0, j = 0; i < yTrue.Length; i++)
        {
            if (sampleWeight.IsEmpty || sampleWeight[i] != 0)
            {
                keep[j] = i;
                truth[j] = yTrue[i];
                scores[j] = yScore[i];
                j++;
            }
        }

        var pos = PositiveLabel(truth, posLabel);

        // sklearn: np.argsort(y_score, kind="mergesort")[::-1], so walk a stable ascending order from its end.
        var sortedKeys = RadixSort.SortAscending(scores, keep);
        var n = keep.Length;
        var tps = new double[n];
        var fps = new double[n];
        var thresholds = new double[n];
        var m = 0;
        double tp = 0, fp = 0;
        for (var i = 0; i < n; i++)
        {
            var j = n - 1 - i;
            var o = keep[j];
            var isPos = yTrue[o] == pos;
            var w = sampleWeight.IsEmpty ? 1.0 : sampleWeight[o];
            tp += (isPos ? 1.0 : 0.0) * w;
            fp += (isPos ? 0.0 : 1.0) * w;
            if (i == n - 1 || sortedKeys[j - 1] != sortedKeys[j])
            {
                tps[m] = tp;
                fps[m] = sampleWeight.IsEmpty ? 1 + i - tp : fp;
                thresholds[m] = yScore[o];
                m++;
            }
        }

        return (fps[..m], tps[..m], thresholds[..m]);
    }

    /// <summary>The ROC curve: false and true positive rates by decreasing threshold, starting at (0, 0).</summary>
    public static RocCurve Roc(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel, ReadOnlySpan<double> sampleWeight, bool dropIntermediate)
    {
        var (fps, tps, thresholds) = BinaryClfCurve(yTrue, yScore, posLabel, sampleWeight);
        if (dropIntermediate && fps.Length > 2)
        {
            var kept = 1;
            for (var i = 0; i + 2 < fps.Length; i++)
            {
                var dFps = (fps[i + 2] - fps[i + 1]) - (fps[i + 1] - fps[i]);
                var dTps = (tps[i + 2] - tps[i + 1]) - (tps[i + 1] - tps[i]);
                if (dFps != 0 || dTps != 0)
                {
                    // In place: position kept is never ahead of i + 1, and later tests read only positions after i + 1.
                    (fps[kept], tps[kept], thresholds[kept]) = (fps[i + 1], tps[i + 1], thresholds[i + 1]);
                    kept++;
                }
            }

            (fps[kept], tps[kept], thresholds[kept]) = (fps[^1], tps[^1], thresholds[^1]);
            kept++;
            fps = fps[..kept];
            tps = tps[..kept];
            thresholds = thresholds[..kept];
        }

        fps = [0.0, .. fps];
        tps = [0.0, .. tps];
        thresholds = [thresholds[0] + 1, .. thresholds];
        var fpr = Rates(fps, "No negative samples in y_true, false positive value should be meaningless");
        var tpr = Rates(tps, "No positive samples in y_true, true positive value should be meaningless");
        return new RocCurve(fpr, tpr, thresholds);
    }

    /// <summary>The precision-recall curve by increasing threshold, ending at (recall 0, precision 1).</summary>
    public static PrecisionRecallCurve PrecisionRecall(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel, ReadOnlySpan<double> sampleWeight)
    {
        var (fps, tps, thresholds) = BinaryClfCurve(yTrue, yScore, posLabel, sampleWeight);
        var n = tps.Length;
        var precision = new double[n];
        var recall = new double[n];
        var last = tps[n - 1];
        if (last == 0)
        {
            MetricWarnings.Warn(MetricWarning.User, "No positive class found in y_true, recall is set to one for all thresholds.");
        }

        for (var i = 0; i < n; i++)
        {
            var ps = tps[i] + fps[i];
            precision[i] = ps != 0 ? tps[i] / ps : 0.0;
            recall[i] = last == 0 ? 1.0 : tps[i] / last;
        }

        Array.Reverse(precision);
        Array.Reverse(recall);
        Array.Reverse(thresholds);
        return new PrecisionRecallCurve([.. precision, 1.0], [.. recall, 0.0], thresholds);
    }

    /// <summary>scikit-learn's <c>auc(x, y)</c> for a monotonic <paramref name="x"/>.</summary>
    public static double Auc(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var decreasing = false;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            if (x[i + 1] - x[i] < 0)
            {
                decreasing = true;
            }
        }

        if (decreasing)
        {
            for (var i = 0; i + 1 < x.Length; i++)
            {
                if (x[i + 1] - x[i] > 0)
                {
                    throw new ArgumentException("x is neither increasing nor decreasing; the area under a curve needs monotonic x.", nameof(x));
                }
            }
        }

        return (decreasing ? -1 : 1) * NumpyMath.Trapezoid(y, x);
    }

    private static int PositiveLabel(int[] truth, int? posLabel)
    {
        var classes = LabelOrder<int>.Unique(truth);
        if (posLabel is { } p)
        {
            return p;
        }

        var ok = classes.Length > 0 && classes.Length <= 2 && classes.All(c => c is 0 or 1 or -1) && !(classes.Length == 2 && classes[0] == -1 && classes[1] == 0);
        if (!ok)
        {
            throw new ArgumentException(
                $"yTrue takes values in {{{string.Join(", ", classes)}}} and posLabel is not specified; make yTrue take values in {{0, 1}} or {{-1, 1}} or pass posLabel.",
                nameof(posLabel));
        }

        return 1;
    }

    private static double[] Rates(double[] counts, string warning)
    {
        var last = counts[^1];
        if (last <= 0)
        {
            MetricWarnings.Warn(MetricWarning.UndefinedMetric, warning);
            return counts.Select(_ => double.NaN).ToArray();
        }

        var rates = new double[counts.Length];
        for (var i = 0; i < rates.Length; i++)
        {
            rates[i] = counts[i] / last;
        }

        return rates;
    }
}
