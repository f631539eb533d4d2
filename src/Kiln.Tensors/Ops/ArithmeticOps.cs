using Kiln.Tensors.Backends;

namespace Kiln.Tensors.Ops;

/// <summary>Forward and backward of the broadcast arithmetic ops (add, sub, mul, div, pow) and their scalar forms.</summary>
internal static class ArithmeticOps
{
    public static Tensor Binary(BinaryKind kind, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var op = kind.ToString();
        Guard.Float(op, a, "left");
        Guard.Float(op, b, "right");
        Guard.SameDevice(op, a, b);
        var outShape = Guard.BroadcastShape(op, a.Dims, b.Dims);
        var storage = a.Backend.Binary(kind, a.Storage, a.Dims, b.Storage, b.Dims, outShape);
        Tensor? result = null;
        result = Tensor.FromOp(storage, outShape, op + "Backward", [a, b], g => kind switch
        {
            BinaryKind.Add => [SumTo(g, a), SumTo(g, b)],
            BinaryKind.Sub => [SumTo(g, a), b.RequiresGrad ? SumTo(-g, b) : null],
            BinaryKind.Mul => [a.RequiresGrad ? SumTo(g * b, a) : null, b.RequiresGrad ? SumTo(g * a, b) : null],
            BinaryKind.Div => [a.RequiresGrad ? SumTo(g / b, a) : null, b.RequiresGrad ? SumTo(-(g * result!) / b, b) : null],
            _ =>
            [
                a.RequiresGrad ? SumTo(g * b * Tensor.Pow(a, b - 1f), a) : null,
                b.RequiresGrad ? SumTo(g * result! * a.Log(), b) : null,
            ],
        });
        return result;
    }

    public static Tensor Scale(Tensor x, float factor) =>
        Unary(x, UnaryKind.Scale, factor, "MulBackward", g => g * factor);

    public static Tensor AddScalar(Tensor x, float value) =>
        Unary(x, UnaryKind.AddScalar, value, "AddBackward", g => g);

    public static Tensor PowScalar(Tensor x, float exponent) =>
        Unary(x, UnaryKind.PowScalar, exponent, "PowBackward", g => g * Tensor.Pow(x, exponent - 1f) * exponent);

    public static Tensor ScalarDiv(float numerator, Tensor x)
    {
        var reciprocal = Unary(x, UnaryKind.Reciprocal, 0, "ReciprocalBackward", g => -(g / (x * x)));
        return numerator == 1f ? reciprocal : Scale(reciprocal, numerator);
    }

    /// <summary>Sums a broadcast gradient back down to the shape of <paramref name="target"/>; null when not needed.</summary>
    public static Tensor? SumTo(Tensor g, Tensor target)
    {
        if (!target.RequiresGrad)
        {
            return null;
        }

        if (g.Dims.AsSpan().SequenceEqual(target.Dims))
        {
            return g;
        }

        var lead = g.Rank - target.Rank;
        var dims = new List<int>();
        for (var i = 0; i < g.Rank; i++)
        {
            if (i < lead || (target.Dims[i - lead] == 1 && g.Dims[i] != 1))
            {
                dims.Add(i);
            }
        }

        return ReductionOps.Sum(g, [.. dims], keepDim: true).Reshape(target.Dims);
    }

    private static Tensor Unary(Tensor x, UnaryKind kind, float alpha, string name, Func<Tensor, Tensor> backward)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Float(name.Replace("Backward", string.Empty, StringComparison.Ordinal), x);
        return Tensor.FromOp(x.Backend.Unary(kind, x.Storage, alpha), x.Dims, name, [x], g => [backward(g)]);
    }
}
