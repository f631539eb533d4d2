using Kiln.Tensors.Backends;
using Kiln.Tensors.Ops;

namespace Kiln.Tensors;

/// <summary>Activation facet: nonlinearities and softmax.</summary>
public sealed partial class Tensor
{
    /// <summary>Computes max(x, 0) elementwise.</summary>
    /// <remarks>PyTorch: <c>torch.relu</c>; the gradient at 0 is 0.</remarks>
    public Tensor Relu() => PointwiseOps.Apply(UnaryKind.Relu, this);

    /// <summary>Computes x for x &gt; 0 and <paramref name="negativeSlope"/> · x otherwise.</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.leaky_relu</c> (default slope 0.01).</remarks>
    public Tensor LeakyRelu(float negativeSlope = 0.01f) => PointwiseOps.Apply(UnaryKind.LeakyRelu, this, negativeSlope);

    /// <summary>Computes the exact Gaussian error linear unit x · Φ(x).</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.gelu</c> with <c>approximate='none'</c>.</remarks>
    public Tensor Gelu() => PointwiseOps.Apply(UnaryKind.Gelu, this);

    /// <summary>Computes the logistic function 1 / (1 + e⁻ˣ).</summary>
    /// <remarks>PyTorch: <c>torch.sigmoid</c>.</remarks>
    public Tensor Sigmoid() => PointwiseOps.Apply(UnaryKind.Sigmoid, this);

    /// <summary>Computes the hyperbolic tangent.</summary>
    /// <remarks>PyTorch: <c>torch.tanh</c>.</remarks>
    public Tensor Tanh() => PointwiseOps.Apply(UnaryKind.Tanh, this);

    /// <summary>Normalizes exponentials along <paramref name="dim"/> so they sum to 1.</summary>
    /// <remarks>PyTorch: <c>torch.softmax</c>; computed with the max subtracted for stability.</remarks>
    public Tensor Softmax(int dim) => SoftmaxOps.Softmax(this, dim, log: false);

    /// <summary>Computes log(softmax(x)) along <paramref name="dim"/> stably.</summary>
    /// <remarks>PyTorch: <c>torch.log_softmax</c>.</remarks>
    public Tensor LogSoftmax(int dim) => SoftmaxOps.Softmax(this, dim, log: true);
}
