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
        var keep = new List<int>(yTrue.Length);
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (sampleWeight.IsEmpty || sampleWeight[i] != 0)
            {
                keep.Add(i);
            }
        }

        if (keep.Count == 0)
        {
            throw new ArgumentException("No sample has a non-zero weight (or yTrue is empty); a curve needs at least one weighted sample.", nameof(yTrue));
        }

        var truth = new int[keep.Count];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = yTrue[keep[i]];
        }

        var pos = PositiveLabel(truth, posLabel);
        var yt = yTrue.ToArray();
        var ys = yScore.ToArray();
        var sw = sampleWeight.ToArray();
        var order = keep.OrderBy(i => ys[i]).Reverse().ToArray();
        var n = order.Length;
        var idx = new List<int>();
        for (var i = 0; i + 1 < n; i++)
        {
            if (ys[order[i + 1]] - ys[order[i]] != 0)
            {
                idx.Add(i);
            }
        }

        idx.Add(n - 1);
        var tpsAll = new double[n];
        var fpsAll = new double[n];
        double tp = 0, fp = 0;
        for (var i = 0; i < n; i++)
        {
            var isPos = yt[order[i]] == pos;
            var w = sw.Length == 0 ? 1.0 : sw[order[i]];
            tp += (isPos ? 1.0 : 0.0) * w;
            fp += (isPos ? 0.0 : 1.0) * w;
            tpsAll[i] = tp;
            fpsAll[i] = fp;
        }

        var tps = idx.Select(i => tpsAll[i]).ToArray();
        var fps = sw.Length == 0 ? idx.Select((i, j) => 1 + i - tps[j]).ToArray() : idx.Select(i => fpsAll[i]).ToArray();
        var thresholds = idx.Select(i => ys[order[i]]).ToArray();
        return (fps, tps, thresholds);
    }

    /// <summary>The ROC curve: false and true positive rates by decreasing threshold, starting at (0, 0).</summary>
    public static RocCurve Roc(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel, ReadOnlySpan<double> sampleWeight, bool dropIntermediate)
    {
        var (fps, tps, thresholds) = BinaryClfCurve(yTrue, yScore, posLabel, sampleWeight);
        if (dropIntermediate && fps.Length > 2)
        {
            var keep = new List<int> { 0 };
            for (var i = 0; i + 2 < fps.Length; i++)
            {
                var dFps = (fps[i + 2] - fps[i + 1]) - (fps[i + 1] - fps[i]);
                var dTps = (tps[i + 2] - tps[i + 1]) - (tps[i + 1] - tps[i]);
                if (dFps != 0 || dTps != 0)
                {
                    keep.Add(i + 1);
                }
            }

            keep.Add(fps.Length - 1);
            fps = keep.Select(i => fps[i]).ToArray();
            tps = keep.Select(i => tps[i]).ToArray();
            thresholds = keep.Select(i => thresholds[i]).ToArray();
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

        return counts.Select(c => c / last).ToArray();
    }
}
