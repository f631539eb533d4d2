namespace Kiln.Metrics;

public static partial class RegressionMetrics
{
    /// <summary>The mean absolute error of single-precision values (widened to double, as numpy's float64 path).</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: mean_absolute_error.</remarks>
    public static double MeanAbsoluteError(ReadOnlySpan<float> yTrue, ReadOnlySpan<float> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        MeanAbsoluteError(Widen(yTrue), Widen(yPred), sampleWeight);

    /// <summary>The mean squared error of single-precision values (widened to double).</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: mean_squared_error.</remarks>
    public static double MeanSquaredError(ReadOnlySpan<float> yTrue, ReadOnlySpan<float> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        MeanSquaredError(Widen(yTrue), Widen(yPred), sampleWeight);

    /// <summary>The root mean squared error of single-precision values (widened to double).</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: mean_squared_error(squared=False).</remarks>
    public static double RootMeanSquaredError(ReadOnlySpan<float> yTrue, ReadOnlySpan<float> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        RootMeanSquaredError(Widen(yTrue), Widen(yPred), sampleWeight);

    /// <summary>The coefficient of determination R² of single-precision values (widened to double).</summary>
    /// <param name="yTrue">The true values.</param>
    /// <param name="yPred">The predicted values.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="forceFinite">For constant yTrue give 1 or 0 instead of NaN or −∞.</param>
    /// <remarks>scikit-learn: r2_score.</remarks>
    public static double R2(ReadOnlySpan<float> yTrue, ReadOnlySpan<float> yPred, ReadOnlySpan<double> sampleWeight = default, bool forceFinite = true) =>
        R2(Widen(yTrue), Widen(yPred), sampleWeight, forceFinite);

    private static double[] Widen(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }
}
