using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Parameter initializers with PyTorch's default distributions (drawn from Kiln's seeded generator).</summary>
/// <remarks>PyTorch: <c>torch.nn.init</c>. Distributions match PyTorch's; the random streams do not.</remarks>
public static class Init
{
    /// <summary>Creates a tensor of samples uniform in [−<paramref name="bound"/>, <paramref name="bound"/>).</summary>
    /// <remarks>PyTorch: <c>torch.nn.init.uniform_(t, -bound, bound)</c>.</remarks>
    public static Tensor Uniform(Shape shape, double bound, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        using (Tensor.NoGrad())
        {
            return ((Tensor.Rand(shape, generator) * (float)(2 * bound)) - (float)bound).Detach();
        }
    }

    /// <summary>Creates a tensor with PyTorch's default weight initialization for linear and convolution layers.</summary>
    /// <remarks>
    /// PyTorch: <c>kaiming_uniform_(w, a=√5)</c>, i.e. uniform with bound gain·√(3 / fanIn) where gain = √(2 / (1 + a²)),
    /// which simplifies to 1 / √fanIn. <paramref name="fanIn"/> is inputs × kernel elements.
    /// </remarks>
    public static Tensor KaimingUniformDefault(Shape shape, int fanIn, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        var gain = Math.Sqrt(2.0 / (1 + 5.0));
        return Uniform(shape, gain * Math.Sqrt(3.0 / fanIn), generator);
    }

    /// <summary>Creates a standard normal tensor.</summary>
    /// <remarks>PyTorch: <c>torch.nn.init.normal_(t)</c>, the default for embeddings.</remarks>
    public static Tensor Normal(Shape shape, Generator? generator = null) => Tensor.Randn(shape, generator);
}
