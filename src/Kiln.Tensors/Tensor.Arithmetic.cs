using Kiln.Tensors.Backends;
using Kiln.Tensors.Ops;

namespace Kiln.Tensors;

/// <summary>Arithmetic facet: broadcast add, subtract, multiply, divide and power, with operators.</summary>
public sealed partial class Tensor
{
    /// <summary>Adds two tensors elementwise with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.add</c>.</remarks>
    public static Tensor Add(Tensor left, Tensor right) => ArithmeticOps.Binary(BinaryKind.Add, left, right);

    /// <summary>Subtracts <paramref name="right"/> from <paramref name="left"/> elementwise with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.sub</c>.</remarks>
    public static Tensor Sub(Tensor left, Tensor right) => ArithmeticOps.Binary(BinaryKind.Sub, left, right);

    /// <summary>Multiplies two tensors elementwise with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.mul</c>.</remarks>
    public static Tensor Mul(Tensor left, Tensor right) => ArithmeticOps.Binary(BinaryKind.Mul, left, right);

    /// <summary>Divides <paramref name="left"/> by <paramref name="right"/> elementwise with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.div</c>.</remarks>
    public static Tensor Div(Tensor left, Tensor right) => ArithmeticOps.Binary(BinaryKind.Div, left, right);

    /// <summary>Raises <paramref name="x"/> to the power <paramref name="exponent"/> elementwise with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.pow</c>.</remarks>
    public static Tensor Pow(Tensor x, Tensor exponent) => ArithmeticOps.Binary(BinaryKind.Pow, x, exponent);

    /// <summary>Raises <paramref name="x"/> to a scalar power elementwise.</summary>
    /// <remarks>PyTorch: <c>torch.pow</c>.</remarks>
    public static Tensor Pow(Tensor x, float exponent) => ArithmeticOps.PowScalar(x, exponent);

    /// <summary>Negates every element.</summary>
    /// <remarks>PyTorch: <c>torch.neg</c>.</remarks>
    public Tensor Neg() => PointwiseOps.Apply(UnaryKind.Neg, this);

    /// <summary>Squares every element.</summary>
    /// <remarks>PyTorch: <c>torch.square</c>.</remarks>
    public Tensor Square() => Pow(this, 2f);

    /// <summary>Adds with broadcasting.</summary>
    public static Tensor operator +(Tensor left, Tensor right) => Add(left, right);

    /// <summary>Adds a scalar to every element.</summary>
    public static Tensor operator +(Tensor left, float right) => ArithmeticOps.AddScalar(left, right);

    /// <summary>Adds a scalar to every element.</summary>
    public static Tensor operator +(float left, Tensor right) => ArithmeticOps.AddScalar(right, left);

    /// <summary>Subtracts with broadcasting.</summary>
    public static Tensor operator -(Tensor left, Tensor right) => Sub(left, right);

    /// <summary>Subtracts a scalar from every element.</summary>
    public static Tensor operator -(Tensor left, float right) => ArithmeticOps.AddScalar(left, -right);

    /// <summary>Subtracts every element from a scalar.</summary>
    public static Tensor operator -(float left, Tensor right) => ArithmeticOps.AddScalar(-right, left);

    /// <summary>Negates every element.</summary>
    public static Tensor operator -(Tensor value) => value?.Neg() ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Multiplies with broadcasting.</summary>
    public static Tensor operator *(Tensor left, Tensor right) => Mul(left, right);

    /// <summary>Multiplies every element by a scalar.</summary>
    public static Tensor operator *(Tensor left, float right) => ArithmeticOps.Scale(left, right);

    /// <summary>Multiplies every element by a scalar.</summary>
    public static Tensor operator *(float left, Tensor right) => ArithmeticOps.Scale(right, left);

    /// <summary>Divides with broadcasting.</summary>
    public static Tensor operator /(Tensor left, Tensor right) => Div(left, right);

    /// <summary>Divides every element by a scalar.</summary>
    public static Tensor operator /(Tensor left, float right) => ArithmeticOps.Scale(left, 1f / right);

    /// <summary>Divides a scalar by every element.</summary>
    public static Tensor operator /(float left, Tensor right) => ArithmeticOps.ScalarDiv(left, right);
}
