namespace Kiln.Metrics;

/// <summary>The value a metric takes when its denominator is zero (for example precision with no predicted positives).</summary>
/// <remarks>scikit-learn: the <c>zero_division</c> parameter ("warn", 0, 1, np.nan).</remarks>
public enum ZeroDivision
{
    /// <summary>Acts as <see cref="Zero"/> and raises an <c>UndefinedMetricWarning</c> (scikit-learn's default).</summary>
    Warn,

    /// <summary>The ill-defined value is 0, silently.</summary>
    Zero,

    /// <summary>The ill-defined value is 1, silently.</summary>
    One,

    /// <summary>The ill-defined value is NaN and averages leave NaN components out (scikit-learn 1.3+ semantics).</summary>
    NaN,
}
