namespace Kiln.Metrics.Internal;

/// <summary>The label-type-independent bodies of <see cref="ClassificationMetrics"/>'s overloads.</summary>
internal static class ClassificationImpl
{
    public static PosLabel<int> Pos(int value) => PosLabel<int>.Of(value, value == 1);

    public static PosLabel<long> Pos(long value) => PosLabel<long>.Of(value, value == 1);

    public static PosLabel<string> Pos(string? value) => value is null ? PosLabel<string>.None : PosLabel<string>.Of(value, false);

    /// <summary>Checks lengths and copies the label spans.</summary>
    public static (T[] True, T[] Pred) Targets<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, ReadOnlySpan<double> sampleWeight)
        where T : notnull
    {
        Guard.SameLength(yTrue.Length, "yTrue", yPred.Length, "yPred");
        Guard.Weights(sampleWeight, yTrue.Length, "yTrue");
        var t = yTrue.ToArray();
        var p = yPred.ToArray();
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] is null || p[i] is null)
            {
                throw new ArgumentException($"Label {i} is null; labels must be non-null (map missing labels to a class first).", t[i] is null ? "yTrue" : "yPred");
            }
        }

        return (t, p);
    }

    /// <summary>One averaged score: precision, recall or F-beta, as <paramref name="score"/> names (which also sets the warnings).</summary>
    public static double Score<T>(
        ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, double beta, Average average, PosLabel<T> posLabel,
        T[]? labels, ReadOnlySpan<double> sampleWeight, ZeroDivision zeroDivision, WarnFor score)
        where T : notnull
    {
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        var (pr, re, f, _) = PrfCore.Compute(t, p, beta, labels, posLabel, average, score, sampleWeight, zeroDivision);
        return score switch
        {
            WarnFor.Precision => pr[0],
            WarnFor.Recall => re[0],
            _ => f[0],
        };
    }

    public static ClassScores PerClass<T>(
        ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, double beta, T[]? labels, ReadOnlySpan<double> sampleWeight, ZeroDivision zeroDivision)
        where T : notnull
    {
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        var (pr, re, f, s) = PrfCore.Compute(t, p, beta, labels, PosLabel<T>.None, null, WarnFor.All, sampleWeight, zeroDivision);
        var names = (labels ?? LabelOrder<T>.Unique(t, p)).Select(LabelOrder<T>.Name).ToArray();
        return new ClassScores(names, pr, re, f, s!, beta);
    }

    public static PrecisionRecallFScore Averaged<T>(
        ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, Average average, double beta, PosLabel<T> posLabel, T[]? labels,
        ReadOnlySpan<double> sampleWeight, ZeroDivision zeroDivision)
        where T : notnull
    {
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        var (pr, re, f, _) = PrfCore.Compute(t, p, beta, labels, posLabel, average, WarnFor.All, sampleWeight, zeroDivision);
        return new PrecisionRecallFScore(pr[0], re[0], f[0]);
    }

    public static double Jaccard<T>(
        ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, Average average, PosLabel<T> posLabel, T[]? labels,
        ReadOnlySpan<double> sampleWeight, ZeroDivision zeroDivision)
        where T : notnull
    {
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        var selected = TargetCheck.SetWiseLabels(t, p, average, labels, posLabel);
        var c = LabelCounts.Compute(t, p, selected, sampleWeight);
        var numerator = c.Tp;
        var denominator = c.Tp.Select((tp, j) => tp + c.Fp[j] + c.Fn[j]).ToArray();
        if (average == Average.Micro)
        {
            numerator = [NumpyMath.Sum(numerator)];
            denominator = [NumpyMath.Sum(denominator)];
        }

        var jaccard = PrfCore.Divide(numerator, denominator, "jaccard", "true or predicted", WarnFor.Jaccard, zeroDivision);
        double[]? weights = null;
        if (average == Average.Weighted)
        {
            weights = c.Fn.Select((fn, j) => fn + c.Tp[j]).ToArray();
            if (weights.All(w => w == 0))
            {
                weights = null;
            }
        }

        return PrfCore.NanAverage(jaccard, weights);
    }

    public static ConfusionMatrix Confusion<T>(
        ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T[]? labels, ReadOnlySpan<double> sampleWeight, ConfusionMatrixNormalization normalize)
        where T : notnull
    {
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        var (classes, values) = LabelCore.Confusion(t, p, labels, sampleWeight, normalize);
        return new ConfusionMatrix(classes.Select(LabelOrder<T>.Name).ToArray(), values);
    }

    public static double Accuracy<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, bool normalize, ReadOnlySpan<double> sampleWeight)
        where T : notnull
    {
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        var comparer = EqualityComparer<T>.Default;
        return LabelCore.WeightedFraction(t.Select((y, i) => comparer.Equals(y, p[i])).ToArray(), sampleWeight, normalize);
    }

    public static double Hamming<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, ReadOnlySpan<double> sampleWeight)
        where T : notnull
    {
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        var comparer = EqualityComparer<T>.Default;
        return LabelCore.WeightedFraction(t.Select((y, i) => !comparer.Equals(y, p[i])).ToArray(), sampleWeight, normalize: true);
    }

    public static double BalancedAccuracy<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, bool adjusted, ReadOnlySpan<double> sampleWeight)
        where T : notnull
    {
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        return LabelCore.BalancedAccuracy(t, p, sampleWeight, adjusted);
    }

    public static double Matthews<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, ReadOnlySpan<double> sampleWeight)
        where T : notnull
    {
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        return LabelCore.Matthews(t, p, sampleWeight);
    }

    public static double Kappa<T>(ReadOnlySpan<T> y1, ReadOnlySpan<T> y2, T[]? labels, KappaWeighting weights, ReadOnlySpan<double> sampleWeight)
        where T : notnull
    {
        var (t, p) = Targets(y1, y2, sampleWeight);
        return LabelCore.Kappa(t, p, labels, weights, sampleWeight);
    }

    public static ClassificationReport Report<T>(
        ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T[]? labels, IReadOnlyList<string>? targetNames,
        ReadOnlySpan<double> sampleWeight, int digits, ZeroDivision zeroDivision)
        where T : notnull
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        var (t, p) = Targets(yTrue, yPred, sampleWeight);
        var present = LabelOrder<T>.Unique(t, p);
        var used = labels ?? present;
        if (used.Length == 0)
        {
            throw new ArgumentException("yTrue and yPred are empty and no labels were given; a classification report needs at least one class.", nameof(yTrue));
        }

        var microIsAccuracy = labels is null || new HashSet<T>(labels).SetEquals(present);
        if (targetNames is not null && targetNames.Count != used.Length)
        {
            if (labels is null)
            {
                throw new ArgumentException(
                    $"There are {used.Length} classes but {targetNames.Count} target names; pass one name per class, or pass labels.", nameof(targetNames));
            }

            MetricWarnings.Warn(MetricWarning.User, $"labels size, {used.Length}, does not match size of target_names, {targetNames.Count}");
        }

        var names = targetNames?.ToArray() ?? used.Select(LabelOrder<T>.Name).ToArray();
        var (pr, re, f, s) = PrfCore.Compute(t, p, 1.0, used, PosLabel<T>.None, null, WarnFor.All, sampleWeight, zeroDivision);
        var rows = new List<ClassificationReportRow>();
        for (var i = 0; i < Math.Min(names.Length, pr.Length); i++)
        {
            rows.Add(new ClassificationReportRow(names[i], pr[i], re[i], f[i], s![i]));
        }

        var total = NumpyMath.Sum(s!);
        var averages = new List<ClassificationReportRow>();
        foreach (var average in (Average[])[Average.Micro, Average.Macro, Average.Weighted])
        {
            var (ap, ar, af, _) = PrfCore.Compute(t, p, 1.0, used, PosLabel<T>.None, average, WarnFor.All, sampleWeight, zeroDivision);
            var heading = average == Average.Micro && microIsAccuracy ? "accuracy" : $"{average.ToString().ToLowerInvariant()} avg";
            averages.Add(new ClassificationReportRow(heading, ap[0], ar[0], af[0], total));
        }

        // scikit-learn's supports are integers only when unweighted and at least one prediction is right
        // (with no true positive at all its bincount falls back to float zeros, and the report prints 1.0).
        var comparer = EqualityComparer<T>.Default;
        var supportIsCount = sampleWeight.IsEmpty && t.Where((y, i) => comparer.Equals(y, p[i])).Any();
        return new ClassificationReport(rows, averages, digits, supportIsCount);
    }
}
