namespace Kiln.Metrics;

/// <summary>The disagreement weights of Cohen's kappa.</summary>
/// <remarks>scikit-learn: <c>cohen_kappa_score(weights=None | 'linear' | 'quadratic')</c>.</remarks>
public enum KappaWeighting
{
    /// <summary>Every disagreement weighs 1 (plain kappa).</summary>
    None,

    /// <summary>A disagreement between classes i and j weighs |i − j|.</summary>
    Linear,

    /// <summary>A disagreement between classes i and j weighs (i − j)².</summary>
    Quadratic,
}
