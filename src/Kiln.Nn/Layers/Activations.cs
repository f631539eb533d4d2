using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Rectified linear unit max(x, 0) as a module.</summary>
/// <remarks>PyTorch: <c>torch.nn.ReLU</c>.</remarks>
public sealed class ReLU : Module
{
    /// <summary>Applies max(x, 0).</summary>
    public override Tensor Forward(Tensor input) => Checked(input).Relu();

    internal static Tensor Checked(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input;
    }
}

/// <summary>Leaky rectified linear unit as a module.</summary>
/// <remarks>PyTorch: <c>torch.nn.LeakyReLU(negative_slope=0.01)</c>.</remarks>
public sealed class LeakyReLU(double negativeSlope = 0.01) : Module
{
    /// <summary>The slope for negative inputs.</summary>
    public double NegativeSlope { get; } = negativeSlope;

    /// <summary>Applies x for x &gt; 0 and slope · x otherwise.</summary>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).LeakyRelu((float)NegativeSlope);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"negative_slope={Py(NegativeSlope)}";
}

/// <summary>Gaussian error linear unit (exact form) as a module.</summary>
/// <remarks>PyTorch: <c>torch.nn.GELU(approximate='none')</c>.</remarks>
public sealed class GELU : Module
{
    /// <summary>Applies x · Φ(x).</summary>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).Gelu();

    /// <inheritdoc/>
    protected override string ExtraRepr() => "approximate='none'";
}

/// <summary>Logistic sigmoid as a module.</summary>
/// <remarks>PyTorch: <c>torch.nn.Sigmoid</c>.</remarks>
public sealed class Sigmoid : Module
{
    /// <summary>Applies 1 / (1 + e⁻ˣ).</summary>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).Sigmoid();
}

/// <summary>Hyperbolic tangent as a module.</summary>
/// <remarks>PyTorch: <c>torch.nn.Tanh</c>.</remarks>
public sealed class Tanh : Module
{
    /// <summary>Applies tanh(x).</summary>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).Tanh();
}

/// <summary>Softmax along a dimension as a module.</summary>
/// <remarks>PyTorch: <c>torch.nn.Softmax(dim)</c>.</remarks>
public sealed class Softmax(int dim) : Module
{
    /// <summary>The dimension that sums to 1.</summary>
    public int Dim { get; } = dim;

    /// <summary>Applies softmax along <see cref="Dim"/>.</summary>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).Softmax(Dim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"dim={Dim}";
}

/// <summary>Log-softmax along a dimension as a module.</summary>
/// <remarks>PyTorch: <c>torch.nn.LogSoftmax(dim)</c>.</remarks>
public sealed class LogSoftmax(int dim) : Module
{
    /// <summary>The dimension normalized over.</summary>
    public int Dim { get; } = dim;

    /// <summary>Applies log(softmax(x)) along <see cref="Dim"/>.</summary>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).LogSoftmax(Dim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"dim={Dim}";
}
