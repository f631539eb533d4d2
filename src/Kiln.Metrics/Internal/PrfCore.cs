namespace Kiln.Metrics.Internal;

/// <summary>Which ill-defined components raise a warning (scikit-learn's <c>warn_for</c>).</summary>
[Flags]
internal enum WarnFor
{
    None = 0,
    Precision = 1,
    Recall = 2,
    FScore = 4,
    Jaccard = 8,
    All = Precision | Recall | FScore,
}

/// <summary>Precision, recall and F-beta exactly as scikit-learn 1.2's <c>precision_recall_fscore_support</c>.</summary>
/// <remarks>F is computed from precision and recall after zero-division substitution (the 1.2 rule).</remarks>
internal static class PrfCore
{
    /// <summary>Per-class scores (average null) or a single averaged row (support then is null).</summary>
    public static (double[] P, double[] R, double[] F, double[]? Support) Compute<T>(
        T[] yTrue, T[] yPred, double beta, T[]? labels, PosLabel<T> posLabel, Average? average,
        WarnFor warnFor, ReadOnlySpan<double> sampleWeight, ZeroDivision zeroDivision)
        where T : notnull
    {
        if (beta < 0 || double.IsNaN(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be >= 0 for the F-beta score.");
        }

        var selected = TargetCheck.SetWiseLabels(yTrue, yPred, average, labels, posLabel);
        var counts = LabelCounts.Compute(yTrue, yPred, selected, sampleWeight);
        var k = counts.Tp.Length;
        var tp = counts.Tp;
        var predSum = new double[k];
        var trueSum = new double[k];
        for (var j = 0; j < k; j++)
        {
            predSum[j] = tp[j] + counts.Fp[j];
            trueSum[j] = tp[j] + counts.Fn[j];
        }

        if (average == Average.Micro)
        {
            tp = [NumpyMath.Sum(tp)];
            predSum = [NumpyMath.Sum(predSum)];
            trueSum = [NumpyMath.Sum(trueSum)];
        }

        var beta2 = beta * beta;
        var precision = Divide(tp, predSum, "precision", "predicted", warnFor, zeroDivision);
        var recall = Divide(tp, trueSum, "recall", "true", warnFor, zeroDivision);
        if (zeroDivision == ZeroDivision.Warn && warnFor == WarnFor.FScore)
        {
            for (var j = 0; j < trueSum.Length; j++)
            {
                if (trueSum[j] == 0 && predSum[j] == 0)
                {
                    WarnIllDefined("true nor predicted", "F-score is", trueSum.Length);
                    break;
                }
            }
        }

        var f = new double[precision.Length];
        for (var j = 0; j < f.Length; j++)
        {
            if (double.IsPositiveInfinity(beta))
            {
                f[j] = recall[j];
                continue;
            }

            var denom = (beta2 * precision[j]) + recall[j];
            if (denom == 0.0)
            {
                denom = 1;
            }

            f[j] = (1 + beta2) * precision[j] * recall[j] / denom;
        }

        if (average is null)
        {
            return (precision, recall, f, trueSum);
        }

        double[]? weights = null;
        if (average == Average.Weighted)
        {
            weights = trueSum;
            if (NumpyMath.Sum(trueSum) == 0)
            {
                var z = ZeroDivisionValue(zeroDivision);
                return NumpyMath.Sum(predSum) == 0 ? ([z], [z], [z], null) : ([0.0], [z], [0.0], null);
            }
        }

        return ([NanAverage(precision, weights)], [NanAverage(recall, weights)], [NanAverage(f, weights)], null);
    }

    /// <summary>scikit-learn's <c>_prf_divide</c>: divides, substitutes the zero-division value and warns.</summary>
    public static double[] Divide(double[] numerator, double[] denominator, string metric, string modifier, WarnFor warnFor, ZeroDivision zeroDivision)
    {
        var result = new double[numerator.Length];
        var any = false;
        for (var j = 0; j < result.Length; j++)
        {
            if (denominator[j] == 0.0)
            {
                any = true;
                result[j] = ZeroDivisionValue(zeroDivision);
            }
            else
            {
                result[j] = numerator[j] / denominator[j];
            }
        }

        var flag = metric switch
        {
            "precision" => WarnFor.Precision,
            "recall" => WarnFor.Recall,
            _ => WarnFor.Jaccard,
        };
        if (!any || zeroDivision != ZeroDivision.Warn || (warnFor & flag) == 0)
        {
            return result;
        }

        var title = char.ToUpperInvariant(metric[0]) + metric[1..];
        var start = (warnFor & WarnFor.FScore) != 0 ? $"{title} and F-score are" : $"{title} is";
        WarnIllDefined(modifier, start, result.Length);
        return result;
    }

    /// <summary>The substitute for 0/0 under <paramref name="zeroDivision"/>.</summary>
    public static double ZeroDivisionValue(ZeroDivision zeroDivision) => zeroDivision switch
    {
        ZeroDivision.One => 1.0,
        ZeroDivision.NaN => double.NaN,
        _ => 0.0,
    };

    /// <summary><c>np.average</c> that leaves NaN components out (only <see cref="ZeroDivision.NaN"/> produces them).</summary>
    public static double NanAverage(double[] values, double[]? weights)
    {
        if (!values.Any(double.IsNaN))
        {
            return weights is null ? NumpyMath.Mean(values) : NumpyMath.Average(values, weights);
        }

        var keep = Enumerable.Range(0, values.Length).Where(i => !double.IsNaN(values[i])).ToArray();
        if (keep.Length == 0)
        {
            return double.NaN;
        }

        var kept = keep.Select(i => values[i]).ToArray();
        if (weights is null)
        {
            return NumpyMath.Mean(kept);
        }

        var keptWeights = keep.Select(i => weights[i]).ToArray();
        return NumpyMath.Sum(keptWeights) == 0 ? NumpyMath.Mean(kept) : NumpyMath.Average(kept, keptWeights);
    }

    private static void WarnIllDefined(string modifier, string start, int size)
    {
        var where = size == 1 ? "due to" : "in labels with";
        MetricWarnings.Warn(
            MetricWarning.UndefinedMetric,
            $"{start} ill-defined and being set to 0.0 {where} no {modifier} samples. Use `zero_division` parameter to control this behavior.");
    }
}
