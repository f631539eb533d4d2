using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Ops Kiln.Tensors lacks, composed from its differentiable ops.</summary>
internal static class ComposedOps
{
    /// <summary>log(1 + x), composed as Log(1 + x) (PyTorch: <c>torch.log1p</c>, which is more precise near 0).</summary>
    public static Tensor Add1Log(this Tensor x) => (x + 1f).Log();
}
