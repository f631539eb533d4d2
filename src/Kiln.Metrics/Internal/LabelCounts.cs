namespace Kiln.Metrics.Internal;

/// <summary>Per-label true-positive, false-positive and false-negative totals (scikit-learn's multilabel_confusion_matrix).</summary>
internal sealed class LabelCounts
{
    private LabelCounts(double[] tp, double[] fp, double[] fn)
    {
        Tp = tp;
        Fp = fp;
        Fn = fn;
    }

    /// <summary>True positives per label.</summary>
    public double[] Tp { get; }

    /// <summary>False positives per label (predicted total minus true positives).</summary>
    public double[] Fp { get; }

    /// <summary>False negatives per label (true total minus true positives).</summary>
    public double[] Fn { get; }

    /// <summary>Counts for <paramref name="labels"/> (or every present label, sorted, when null), weighted by sample weight.</summary>
    public static LabelCounts Compute<T>(T[] yTrue, T[] yPred, T[]? labels, ReadOnlySpan<double> sampleWeight)
        where T : notnull
    {
        var present = LabelOrder<T>.Unique(yTrue, yPred);
        var selected = labels ?? present;
        var classes = LabelOrder<T>.Unique(selected, present);
        var k = classes.Length;
        var tp = new double[k];
        var pred = new double[k];
        var truth = new double[k];
        if (typeof(T) == typeof(int) && sampleWeight.IsEmpty
            && LabelTable.TryIndexTable((int[])(object)classes, out var min) is { } table)
        {
            CountInt32((int[])(object)yTrue, (int[])(object)yPred, table, min, tp, pred, truth);
        }
        else
        {
            for (var i = 0; i < yTrue.Length; i++)
            {
                var w = sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
                var t = LabelOrder<T>.IndexOf(classes, yTrue[i]);
                var p = LabelOrder<T>.IndexOf(classes, yPred[i]);
                truth[t] += w;
                pred[p] += w;
                if (t == p)
                {
                    tp[t] += w;
                }
            }
        }

        var n = selected.Length;
        var tpOut = new double[n];
        var fpOut = new double[n];
        var fnOut = new double[n];
        for (var j = 0; j < n; j++)
        {
            var c = LabelOrder<T>.IndexOf(classes, selected[j]);
            tpOut[j] = tp[c];
            fpOut[j] = pred[c] - tp[c];
            fnOut[j] = truth[c] - tp[c];
        }

        return new LabelCounts(tpOut, fpOut, fnOut);
    }

    /// <summary>Unweighted counts of integer labels through a lookup table; integer counts are exact, as the sums of ones they replace.</summary>
    private static void CountInt32(int[] yTrue, int[] yPred, int[] table, int min, double[] tp, double[] pred, double[] truth)
    {
        var k = tp.Length;
        var tpCount = new long[k];
        var predCount = new long[k];
        var trueCount = new long[k];
        for (var i = 0; i < yTrue.Length; i++)
        {
            var t = table[yTrue[i] - min];
            var p = table[yPred[i] - min];
            trueCount[t]++;
            predCount[p]++;
            if (t == p)
            {
                tpCount[t]++;
            }
        }

        for (var j = 0; j < k; j++)
        {
            tp[j] = tpCount[j];
            pred[j] = predCount[j];
            truth[j] = trueCount[j];
        }
    }
}
