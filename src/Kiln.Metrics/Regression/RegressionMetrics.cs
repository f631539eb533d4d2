using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>Regression metrics with scikit-learn's semantics (single output).</summary>
/// <remarks>
/// scikit-learn 1.2. Inputs must be non-empty, finite and of equal length, else an <see cref="ArgumentException"/>
/// names the problem. Sample weights that sum to zero throw, as numpy's weighted average does.
/// </remarks>
public static partial class RegressionMetrics
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The mean absolute error, mean |y − ŷ|.</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: mean_absolute_error.</remarks>
    public static double MeanAbsoluteError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        NumpyMath.Average(Errors(yTrue, yPred, sampleWeight, (t, p) => Math.Abs(p - t)), sampleWeight);

    /// <summary>The mean squared error, mean (y − ŷ)².</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: mean_squared_error.</remarks>
    public static double MeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        NumpyMath.Average(Errors(yTrue, yPred, sampleWeight, (t, p) => (t - p) * (t - p)), sampleWeight);

    /// <summary>The root mean squared error, √MSE.</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: mean_squared_error(squared=False) (root_mean_squared_error in 1.4+).</remarks>
    public static double RootMeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        Math.Sqrt(MeanSquaredError(yTrue, yPred, sampleWeight));

    /// <summary>The mean absolute percentage error, mean |y − ŷ| / max(|y|, ε), as a fraction (not percent).</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: mean_absolute_percentage_error; ε is the double machine epsilon, so y = 0 gives huge terms.</remarks>
    public static double MeanAbsolutePercentageError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        NumpyMath.Average(Errors(yTrue, yPred, sampleWeight, (t, p) => Math.Abs(p - t) / Math.Max(Math.Abs(t), MachineEpsilon)), sampleWeight);

    /// <summary>The median absolute error, median |y − ŷ| (robust to outliers).</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <remarks>scikit-learn: median_absolute_error (the mean of the two middle values for an even count).</remarks>
    public static double MedianAbsoluteError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred) =>
        NumpyMath.Median(Errors(yTrue, yPred, default, (t, p) => Math.Abs(p - t)));

    /// <summary>The maximum absolute error, max |y − ŷ|.</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <remarks>scikit-learn: max_error.</remarks>
    public static double MaxError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred) =>
        Errors(yTrue, yPred, default, (t, p) => Math.Abs(t - p)).Max();

    /// <summary>The coefficient of determination R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ)².</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="forceFinite">For constant yTrue give 1 (perfect prediction) or 0 (imperfect) instead of NaN or −∞.</param>
    /// <remarks>scikit-learn: r2_score. Fewer than two samples: NaN with an UndefinedMetricWarning.</remarks>
    public static double R2(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default, bool forceFinite = true)
    {
        var residuals = Errors(yTrue, yPred, sampleWeight, (t, p) => (t - p) * (t - p));
        if (yTrue.Length < 2)
        {
            MetricWarnings.Warn(MetricWarning.UndefinedMetric, "R^2 score is not well-defined with less than two samples.");
            return double.NaN;
        }

        var mean = NumpyMath.Average(yTrue, sampleWeight);
        var spread = new double[yTrue.Length];
        for (var i = 0; i < spread.Length; i++)
        {
            var d = yTrue[i] - mean;
            spread[i] = (sampleWeight.IsEmpty ? 1.0 : sampleWeight[i]) * (d * d);
            residuals[i] = (sampleWeight.IsEmpty ? 1.0 : sampleWeight[i]) * residuals[i];
        }

        return Assemble(NumpyMath.Sum(residuals), NumpyMath.Sum(spread), forceFinite);
    }

    /// <summary>The explained variance score 1 − Var(y − ŷ) / Var(y).</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="forceFinite">For constant yTrue give 1 (perfect prediction) or 0 (imperfect) instead of NaN or −∞.</param>
    /// <remarks>scikit-learn: explained_variance_score (unlike R², a constant bias is not penalized).</remarks>
    public static double ExplainedVariance(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default, bool forceFinite = true)
    {
        var diff = Errors(yTrue, yPred, sampleWeight, (t, p) => t - p);
        var diffMean = NumpyMath.Average(diff, sampleWeight);
        var numerator = NumpyMath.Average(diff.Select(d => (d - diffMean) * (d - diffMean)).ToArray(), sampleWeight);
        var trueMean = NumpyMath.Average(yTrue, sampleWeight);
        var spread = new double[yTrue.Length];
        for (var i = 0; i < spread.Length; i++)
        {
            spread[i] = (yTrue[i] - trueMean) * (yTrue[i] - trueMean);
        }

        return Assemble(numerator, NumpyMath.Average(spread, sampleWeight), forceFinite);
    }

    private static double Assemble(double numerator, double denominator, bool forceFinite)
    {
        if (!forceFinite)
        {
            return 1 - (numerator / denominator);
        }

        if (denominator != 0 && numerator != 0)
        {
            return 1 - (numerator / denominator);
        }

        return numerator != 0 ? 0.0 : 1.0;
    }

    private static double[] Errors(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight, Func<double, double, double> error)
    {
        Guard.SameLength(yTrue.Length, "yTrue", yPred.Length, "yPred");
        Guard.NotEmpty(yTrue.Length, "yTrue");
        Guard.Finite(yTrue, "yTrue");
        Guard.Finite(yPred, "yPred");
        Guard.Weights(sampleWeight, yTrue.Length, "yTrue");
        var result = new double[yTrue.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = error(yTrue[i], yPred[i]);
        }

        return result;
    }
}
