namespace Kiln.Tensors;

/// <summary>The element type of a tensor.</summary>
/// <remarks>PyTorch: <c>torch.dtype</c>; the values match libtorch's ScalarType codes.</remarks>
public enum DType
{
    /// <summary>64-bit signed integers, used for labels and indices.</summary>
    /// <remarks>PyTorch: <c>torch.int64</c>.</remarks>
    Int64 = 4,

    /// <summary>32-bit IEEE floats, the default for values and gradients.</summary>
    /// <remarks>PyTorch: <c>torch.float32</c>.</remarks>
    Float32 = 6,

    /// <summary>Booleans, used for masks and comparison results.</summary>
    /// <remarks>PyTorch: <c>torch.bool</c>.</remarks>
    Bool = 11,
}
