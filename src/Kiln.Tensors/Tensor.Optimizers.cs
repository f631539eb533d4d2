using Kiln.Tensors.Backends;

namespace Kiln.Tensors;

/// <summary>Optimizer facet: fused in-place parameter updates for the optimizers in Kiln.Nn.</summary>
public sealed partial class Tensor
{
    /// <summary>Applies one Adam step to this parameter in place, updating both moment estimates in the same pass.</summary>
    /// <remarks>PyTorch: <c>torch.optim.Adam(fused=True)</c>'s per-parameter kernel; the formula is on <see cref="AdamCoefficients"/>.</remarks>
    internal void AdamUpdateInPlace(Tensor gradient, Tensor expAvg, Tensor expAvgSq, AdamCoefficients coefficients)
    {
        ThrowIfInPlaceForbidden(nameof(AdamUpdateInPlace));
        foreach (var (t, name) in (ReadOnlySpan<(Tensor, string)>)[(this, "the parameter"), (gradient, "the gradient"), (expAvg, "exp_avg"), (expAvgSq, "exp_avg_sq")])
        {
            DTypeMismatchException.ThrowIfNot(nameof(AdamUpdateInPlace), t, DType.Float32, name);
            DeviceMismatchException.ThrowIfDifferent(nameof(AdamUpdateInPlace), this, t);
            if (t.Shape != Shape)
            {
                throw new ShapeMismatchException(nameof(AdamUpdateInPlace), Shape, t.Shape, $"differ; {name} must have the parameter's shape.");
            }
        }

        Backend.AdamUpdate(Storage, gradient.Storage, expAvg.Storage, expAvgSq.Storage, coefficients);
    }
}
