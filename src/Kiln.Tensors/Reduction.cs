namespace Kiln.Tensors;

/// <summary>How a loss combines per-element values.</summary>
/// <remarks>PyTorch: the <c>reduction</c> argument ('none', 'mean', 'sum').</remarks>
public enum Reduction
{
    /// <summary>Returns the per-element losses.</summary>
    None,

    /// <summary>Averages the losses.</summary>
    Mean,

    /// <summary>Sums the losses.</summary>
    Sum,
}
