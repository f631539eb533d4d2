namespace Kiln.Metrics.Internal;

/// <summary>Label-based metrics (confusion matrix and what derives from it) in scikit-learn 1.2's arithmetic order.</summary>
internal static class LabelCore
{
    /// <summary>scikit-learn's <c>confusion_matrix</c>: rows are actual classes, columns predicted.</summary>
    public static (T[] Labels, double[,] Values) Confusion<T>(
        T[] yTrue, T[] yPred, T[]? labels, ReadOnlySpan<double> sampleWeight, ConfusionMatrixNormalization normalize)
        where T : notnull
    {
        T[] classes;
        if (labels is null)
        {
            classes = LabelOrder<T>.Unique(yTrue, yPred);
        }
        else
        {
            if (labels.Length == 0)
            {
                throw new ArgumentException("labels is empty; pass at least one label, or null to use the labels present in the data.", nameof(labels));
            }

            classes = labels;
            if (yTrue.Length == 0)
            {
                return (classes, new double[classes.Length, classes.Length]);
            }

            var inTruth = LabelOrder<T>.Unique(yTrue);
            if (!labels.Any(l => LabelOrder<T>.IndexOf(inTruth, l) >= 0))
            {
                throw new ArgumentException(
                    $"None of labels {LabelOrder<T>.ReprList(labels)} occurs in yTrue; at least one label specified must be in yTrue.", nameof(labels));
            }
        }

        var index = new Dictionary<T, int>();
        for (var i = 0; i < classes.Length; i++)
        {
            index[classes[i]] = i; // a repeated label maps to its last position, as scikit-learn's dict does
        }

        var k = classes.Length;
        var cm = new double[k, k];
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (index.TryGetValue(yTrue[i], out var t) && index.TryGetValue(yPred[i], out var p))
            {
                cm[t, p] += sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            }
        }

        Normalize(cm, normalize);
        return (classes, cm);
    }

    /// <summary>Row sums (numpy pairwise over each contiguous row).</summary>
    public static double[] RowSums(double[,] cm)
    {
        var k = cm.GetLength(0);
        var sums = new double[k];
        var row = new double[cm.GetLength(1)];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = cm[i, j];
            }

            sums[i] = NumpyMath.Sum(row);
        }

        return sums;
    }

    /// <summary>Column sums (numpy adds rows one after another).</summary>
    public static double[] ColumnSums(double[,] cm)
    {
        var sums = new double[cm.GetLength(1)];
        for (var i = 0; i < cm.GetLength(0); i++)
        {
            for (var j = 0; j < sums.Length; j++)
            {
                sums[j] += cm[i, j];
            }
        }

        return sums;
    }

    /// <summary>The sum of every entry (numpy pairwise over the row-major data).</summary>
    public static double Total(double[,] cm)
    {
        var flat = new double[cm.Length];
        Buffer.BlockCopy(cm, 0, flat, 0, flat.Length * sizeof(double));
        return NumpyMath.Sum(flat);
    }

    /// <summary>scikit-learn's <c>matthews_corrcoef</c>.</summary>
    public static double Matthews<T>(T[] yTrue, T[] yPred, ReadOnlySpan<double> sampleWeight)
        where T : notnull
    {
        var (_, c) = Confusion(yTrue, yPred, null, sampleWeight, ConfusionMatrixNormalization.None);
        var tSum = RowSums(c);
        var pSum = ColumnSums(c);
        var nCorrect = 0.0;
        for (var i = 0; i < tSum.Length; i++)
        {
            nCorrect += c[i, i];
        }

        var n = NumpyMath.Sum(pSum);
        var covYtYp = (nCorrect * n) - NumpyMath.Dot(tSum, pSum);
        var covYpYp = (n * n) - NumpyMath.Dot(pSum, pSum);
        var covYtYt = (n * n) - NumpyMath.Dot(tSum, tSum);
        return covYpYp * covYtYt == 0 ? 0.0 : covYtYp / Math.Sqrt(covYtYt * covYpYp);
    }

    /// <summary>scikit-learn's <c>cohen_kappa_score</c>.</summary>
    public static double Kappa<T>(T[] y1, T[] y2, T[]? labels, KappaWeighting weighting, ReadOnlySpan<double> sampleWeight)
        where T : notnull
    {
        var (_, c) = Confusion(y1, y2, labels, sampleWeight, ConfusionMatrixNormalization.None);
        var k = c.GetLength(0);
        var sum0 = ColumnSums(c);
        var sum1 = RowSums(c);
        var total = NumpyMath.Sum(sum0);
        var observed = new double[k * k];
        var expected = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var d = Math.Abs(i - j);
                double w = weighting switch
                {
                    KappaWeighting.Linear => d,
                    KappaWeighting.Quadratic => d * d,
                    _ => d == 0 ? 0 : 1,
                };
                observed[(i * k) + j] = w * c[i, j];
                expected[(i * k) + j] = w * (sum0[i] * sum1[j] / total);
            }
        }

        return 1 - (NumpyMath.Sum(observed) / NumpyMath.Sum(expected));
    }

    /// <summary>scikit-learn's <c>balanced_accuracy_score</c>.</summary>
    public static double BalancedAccuracy<T>(T[] yTrue, T[] yPred, ReadOnlySpan<double> sampleWeight, bool adjusted)
        where T : notnull
    {
        var (_, c) = Confusion(yTrue, yPred, null, sampleWeight, ConfusionMatrixNormalization.None);
        var rows = RowSums(c);
        var perClass = new List<double>();
        var dropped = false;
        for (var i = 0; i < rows.Length; i++)
        {
            var v = c[i, i] / rows[i];
            if (double.IsNaN(v))
            {
                dropped = true;
                continue;
            }

            perClass.Add(v);
        }

        if (dropped)
        {
            MetricWarnings.Warn(MetricWarning.User, "y_pred contains classes not in y_true");
        }

        if (adjusted && perClass.Count == 0)
        {
            throw new ArgumentException("No class has true samples (the input is empty), so the chance level of adjusted balanced accuracy is undefined.", "yTrue");
        }

        var score = NumpyMath.Mean(perClass.ToArray());
        if (adjusted)
        {
            var chance = 1.0 / perClass.Count;
            score -= chance;
            score /= 1 - chance;
        }

        return score;
    }

    /// <summary>The (weighted) fraction, or with <paramref name="normalize"/> false the (weighted) count, of flagged samples.</summary>
    public static double WeightedFraction(bool[] flags, ReadOnlySpan<double> sampleWeight, bool normalize)
    {
        var values = flags.Select(f => f ? 1.0 : 0.0).ToArray();
        if (normalize)
        {
            return NumpyMath.Average(values, sampleWeight);
        }

        return sampleWeight.IsEmpty ? NumpyMath.Sum(values) : NumpyMath.Dot(values, sampleWeight);
    }

    private static void Normalize(double[,] cm, ConfusionMatrixNormalization normalize)
    {
        if (normalize == ConfusionMatrixNormalization.None)
        {
            return;
        }

        var rows = RowSums(cm);
        var columns = ColumnSums(cm);
        var total = Total(cm);
        for (var i = 0; i < cm.GetLength(0); i++)
        {
            for (var j = 0; j < cm.GetLength(1); j++)
            {
                var d = normalize switch
                {
                    ConfusionMatrixNormalization.ByTrue => rows[i],
                    ConfusionMatrixNormalization.ByPredicted => columns[j],
                    _ => total,
                };
                var v = cm[i, j] / d;
                cm[i, j] = double.IsNaN(v) ? 0.0 : double.IsInfinity(v) ? (v > 0 ? double.MaxValue : double.MinValue) : v;
            }
        }
    }
}
