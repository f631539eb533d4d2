namespace Kiln.Metrics.Internal;

/// <summary>scikit-learn's <c>top_k_accuracy_score</c>.</summary>
internal static class TopK
{
    public static double Compute(ReadOnlySpan<int> yTrue, double[,] yScore, int k, int[]? labels, bool normalize, ReadOnlySpan<double> sampleWeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var n = yScore.GetLength(0);
        var columns = yScore.GetLength(1);
        Guard.SameLength(yTrue.Length, "yTrue", n, "yScore rows");
        Guard.Weights(sampleWeight, n, "yTrue");
        var flat = new double[n * columns];
        Buffer.BlockCopy(yScore, 0, flat, 0, flat.Length * sizeof(double));
        Guard.Finite(flat, "yScore");
        var truth = yTrue.ToArray();
        var binary = LabelOrder<int>.Unique(truth).Length <= 2 && !(labels is not null && labels.Length > 2);
        if (binary && columns != 1)
        {
            throw new ArgumentException(
                $"yTrue is binary but yScore has {columns} columns; if yTrue does not contain every class, pass labels.", nameof(labels));
        }

        var classes = Classes(truth, labels, binary ? 2 : columns);
        if (k >= classes.Length)
        {
            MetricWarnings.Warn(
                MetricWarning.UndefinedMetric,
                $"'k' ({k}) greater than or equal to 'n_classes' ({classes.Length}) will result in a perfect score and is therefore meaningless.");
        }

        var hits = new bool[n];
        if (binary)
        {
            var threshold = flat.Length > 0 && flat.Min() >= 0 && flat.Max() <= 1 ? 0.5 : 0;
            for (var i = 0; i < n; i++)
            {
                var encoded = Array.BinarySearch(classes, truth[i]);
                hits[i] = k != 1 || (flat[i] > threshold ? 1 : 0) == encoded;
            }
        }
        else
        {
            var order = new int[columns];
            for (var i = 0; i < n; i++)
            {
                var encoded = Array.BinarySearch(classes, truth[i]);
                for (var j = 0; j < columns; j++)
                {
                    order[j] = j;
                }

                var row = i;
                var ranked = order.OrderByDescending(j => yScore[row, j]).ThenByDescending(j => j).Take(k);
                hits[i] = ranked.Contains(encoded);
            }
        }

        return LabelCore.WeightedFraction(hits, sampleWeight, normalize);
    }

    private static int[] Classes(int[] truth, int[]? labels, int columns)
    {
        if (labels is null)
        {
            var classes = LabelOrder<int>.Unique(truth);
            if (classes.Length != columns)
            {
                throw new ArgumentException(
                    $"yTrue has {classes.Length} classes but yScore has {columns}; pass labels listing every class.", nameof(labels));
            }

            return classes;
        }

        var sorted = LabelOrder<int>.Unique(labels);
        if (sorted.Length != labels.Length || !sorted.SequenceEqual(labels))
        {
            throw new ArgumentException("labels must be distinct and sorted ascending, in the order of yScore's columns.", nameof(labels));
        }

        if (sorted.Length != columns)
        {
            throw new ArgumentException($"labels has {sorted.Length} entries but yScore has {columns} classes; give one label per class.", nameof(labels));
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
