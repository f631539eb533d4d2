namespace Kiln.Metrics;

/// <summary>How per-class scores are combined into one number.</summary>
/// <remarks>scikit-learn: the <c>average</c> parameter ('binary', 'micro', 'macro', 'weighted').</remarks>
public enum Average
{
    /// <summary>Report only the positive class (<c>posLabel</c>); the target must have at most two labels.</summary>
    Binary,

    /// <summary>Count true positives, false positives and false negatives over all classes, then compute once.</summary>
    Micro,

    /// <summary>The unweighted mean of the per-class scores.</summary>
    Macro,

    /// <summary>The mean of the per-class scores weighted by each class's support (true count).</summary>
    Weighted,
}
