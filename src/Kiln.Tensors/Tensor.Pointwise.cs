using Kiln.Tensors.Backends;
using Kiln.Tensors.Ops;

namespace Kiln.Tensors;

/// <summary>Pointwise facet: elementwise math functions.</summary>
public sealed partial class Tensor
{
    /// <summary>Computes eˣ elementwise.</summary>
    /// <remarks>PyTorch: <c>torch.exp</c>.</remarks>
    public Tensor Exp() => PointwiseOps.Apply(UnaryKind.Exp, this);

    /// <summary>Computes the natural logarithm elementwise.</summary>
    /// <remarks>PyTorch: <c>torch.log</c>.</remarks>
    public Tensor Log() => PointwiseOps.Apply(UnaryKind.Log, this);

    /// <summary>Computes the square root elementwise.</summary>
    /// <remarks>PyTorch: <c>torch.sqrt</c>.</remarks>
    public Tensor Sqrt() => PointwiseOps.Apply(UnaryKind.Sqrt, this);

    /// <summary>Computes the absolute value elementwise.</summary>
    /// <remarks>PyTorch: <c>torch.abs</c>; the gradient at 0 is 0.</remarks>
    public Tensor Abs() => PointwiseOps.Apply(UnaryKind.Abs, this);

    /// <summary>Limits every element to [<paramref name="min"/>, <paramref name="max"/>]; a null bound is open.</summary>
    /// <remarks>PyTorch: <c>torch.clamp</c>; the gradient is 1 inside the bounds (inclusive) and 0 outside.</remarks>
    public Tensor Clamp(float? min = null, float? max = null)
    {
        if (min is null && max is null)
        {
            throw new ArgumentException("Clamp: give at least one of min and max.", nameof(min));
        }

        return PointwiseOps.Apply(UnaryKind.Clamp, this, min ?? float.NegativeInfinity, max ?? float.PositiveInfinity);
    }

    /// <summary>Computes the reciprocal 1/x elementwise.</summary>
    /// <remarks>PyTorch: <c>torch.reciprocal</c>.</remarks>
    public Tensor Reciprocal() => 1f / this;
}
