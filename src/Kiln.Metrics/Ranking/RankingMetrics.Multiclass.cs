using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

public static partial class RankingMetrics
{
    /// <summary>The one-vs-rest multiclass ROC AUC of a probability matrix (rows samples, columns classes in label order).</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yScore">Class probabilities, one row per sample summing to 1, columns in sorted label order.</param>
    /// <param name="average">Macro (mean over classes), Weighted (by class prevalence) or Micro (pooled); not Binary.</param>
    /// <param name="labels">The sorted labels of the columns, when <paramref name="yTrue"/> lacks some; null for the labels in yTrue.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>
    /// scikit-learn: roc_auc_score(multi_class='ovr'). A class with no samples in yTrue has NaN AUC (with a warning),
    /// so the macro average is NaN; the weighted average gives it weight 0.
    /// </remarks>
    public static double RocAucOneVsRest(
        ReadOnlySpan<int> yTrue, double[,] yScore, Average average = Average.Macro, int[]? labels = null, ReadOnlySpan<double> sampleWeight = default)
    {
        ArgumentNullException.ThrowIfNull(yScore);
        var n = yScore.GetLength(0);
        var k = yScore.GetLength(1);
        Guard.SameLength(yTrue.Length, "yTrue", n, "yScore rows");
        Guard.NotEmpty(n, "yTrue");
        Guard.Weights(sampleWeight, n, "yTrue");
        var flat = new double[n * k];
        Buffer.BlockCopy(yScore, 0, flat, 0, flat.Length * sizeof(double));
        Guard.Finite(flat, "yScore");
        if (average == Average.Binary)
        {
            throw new ArgumentException("Average.Binary does not apply to multiclass ROC AUC; use Average.Macro, Average.Weighted or Average.Micro.", nameof(average));
        }

        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            for (var j = 0; j < k; j++)
            {
                s += yScore[i, j];
            }

            if (!(Math.Abs(1 - s) <= 1e-8 + (1e-5 * Math.Abs(s))))
            {
                throw new ArgumentException(
                    $"Row {i} of yScore sums to {s}; one-vs-rest ROC AUC needs probabilities that sum to 1 over classes (apply softmax first).", nameof(yScore));
            }
        }

        var truth = yTrue.ToArray();
        var classes = Classes(truth, labels, k);
        var aucs = new double[k];
        var weights = new double[k];
        var column = new double[n];
        var binary = new int[n];
        for (var c = 0; c < k; c++)
        {
            for (var i = 0; i < n; i++)
            {
                column[i] = yScore[i, c];
                binary[i] = truth[i] == classes[c] ? 1 : 0;
                weights[c] += binary[i] * (sampleWeight.IsEmpty ? 1.0 : sampleWeight[i]);
            }

            if (average != Average.Micro)
            {
                aucs[c] = BinaryAuc(binary, column, sampleWeight, null);
            }
        }

        if (average == Average.Micro)
        {
            var pooled = new int[n * k];
            var pooledWeight = sampleWeight.IsEmpty ? [] : new double[n * k];
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < k; c++)
                {
                    pooled[(i * k) + c] = truth[i] == classes[c] ? 1 : 0;
                    if (!sampleWeight.IsEmpty)
                    {
                        pooledWeight[(i * k) + c] = sampleWeight[i];
                    }
                }
            }

            return BinaryAuc(pooled, flat, pooledWeight, null);
        }

        if (average == Average.Macro)
        {
            return NumpyMath.Mean(aucs);
        }

        if (Math.Abs(NumpyMath.Sum(weights)) <= 1e-8)
        {
            return 0;
        }

        for (var c = 0; c < k; c++)
        {
            if (weights[c] == 0)
            {
                aucs[c] = 0;
            }
        }

        return NumpyMath.Average(aucs, weights);
    }

    /// <summary>The one-vs-rest multiclass ROC AUC of a jagged probability matrix (one array per sample).</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yScore">Class probabilities, one array per sample, columns in sorted label order.</param>
    /// <param name="average">Macro, Weighted or Micro.</param>
    /// <param name="labels">The sorted labels of the columns; null for the labels in yTrue.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: roc_auc_score(multi_class='ovr').</remarks>
    public static double RocAucOneVsRest(
        ReadOnlySpan<int> yTrue, double[][] yScore, Average average = Average.Macro, int[]? labels = null, ReadOnlySpan<double> sampleWeight = default) =>
        RocAucOneVsRest(yTrue, Matrix.FromJagged(yScore, nameof(yScore)), average, labels, sampleWeight);

    private static int[] Classes(int[] truth, int[]? labels, int columns)
    {
        if (labels is null)
        {
            var classes = LabelOrder<int>.Unique(truth);
            if (classes.Length != columns)
            {
                throw new ArgumentException(
                    $"yTrue has {classes.Length} classes but yScore has {columns} columns; pass labels naming every column's class.", nameof(labels));
            }

            return classes;
        }

        var sorted = LabelOrder<int>.Unique(labels);
        if (sorted.Length != labels.Length || !sorted.SequenceEqual(labels))
        {
            throw new ArgumentException("labels must be distinct and sorted ascending, in the order of yScore's columns.", nameof(labels));
        }

        if (labels.Length != columns)
        {
            throw new ArgumentException($"labels has {labels.Length} entries but yScore has {columns} columns; give one label per column.", nameof(labels));
        }

        foreach (var y in truth)
        {
            if (Array.BinarySearch(sorted, y) < 0)
            {
                throw new ArgumentException($"yTrue contains label {y}, which is not in labels.", nameof(labels));
            }
        }

        return sorted;
    }
}
