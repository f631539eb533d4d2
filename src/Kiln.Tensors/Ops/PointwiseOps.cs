using Kiln.Tensors.Backends;

namespace Kiln.Tensors.Ops;

/// <summary>Forward and backward of elementwise math and activation functions.</summary>
internal static class PointwiseOps
{
    public static Tensor Apply(UnaryKind kind, Tensor x, float alpha = 0, float beta = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Float(kind.ToString(), x);
        var storage = x.Backend.Unary(kind, x.Storage, alpha, beta);
        Tensor? y = null;
        y = Tensor.FromOp(storage, x.Dims, kind + "Backward", [x], g => [Gradient(kind, x, y!, g, alpha, beta)]);
        return y;
    }

    private static Tensor Gradient(UnaryKind kind, Tensor x, Tensor y, Tensor g, float alpha, float beta) => kind switch
    {
        UnaryKind.Neg => -g,
        UnaryKind.Exp => g * y,
        UnaryKind.Log => g / x,
        UnaryKind.Sqrt => g / (y * 2f),
        UnaryKind.Abs => Chain(g, UnaryKind.Sign, x),
        UnaryKind.Relu => Chain(g, UnaryKind.ReluMask, x),
        UnaryKind.LeakyRelu => Chain(g, UnaryKind.LeakyReluSlope, x, alpha),
        UnaryKind.Gelu => Chain(g, UnaryKind.GeluDerivative, x),
        UnaryKind.Sigmoid => g * y * (1f - y),
        UnaryKind.Tanh => g * (1f - (y * y)),
        UnaryKind.Clamp => Chain(g, UnaryKind.ClampMask, x, alpha, beta),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No gradient is defined for this kernel."),
    };

    /// <summary>g · f′(x) in one kernel, so no derivative tensor is materialised.</summary>
    private static Tensor Chain(Tensor g, UnaryKind derivative, Tensor x, float alpha = 0, float beta = 0) =>
        new(x.Backend.UnaryGradient(derivative, g.Storage, x.Storage, alpha, beta), x.Dims);
}
