namespace Kiln.Metrics;

/// <summary>How a confusion matrix is normalized.</summary>
/// <remarks>scikit-learn: <c>confusion_matrix(normalize=None | 'true' | 'pred' | 'all')</c>; empty rows or columns give 0.</remarks>
public enum ConfusionMatrixNormalization
{
    /// <summary>Counts (or summed sample weights).</summary>
    None,

    /// <summary>Each row (actual class) sums to 1.</summary>
    ByTrue,

    /// <summary>Each column (predicted class) sums to 1.</summary>
    ByPredicted,

    /// <summary>The whole matrix sums to 1.</summary>
    All,
}
