using System.Numerics;
using System.Numerics.Tensors;

namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Vectorized span kernels behind the CPU backend's elementwise ops.</summary>
internal static class ScalarMath
{
    private const float InvSqrt2 = 0.70710678118654752f;
    private const float InvSqrt2Pi = 0.39894228040143268f;

    public static void Unary(UnaryKind kind, ReadOnlySpan<float> x, Span<float> d, float alpha, float beta)
    {
        switch (kind)
        {
            case UnaryKind.Neg: TensorPrimitives.Negate(x, d); break;
            case UnaryKind.Exp: TensorPrimitives.Exp(x, d); break;
            case UnaryKind.Log: TensorPrimitives.Log(x, d); break;
            case UnaryKind.Sqrt: TensorPrimitives.Sqrt(x, d); break;
            case UnaryKind.Abs: TensorPrimitives.Abs(x, d); break;
            case UnaryKind.Sigmoid: TensorPrimitives.Sigmoid(x, d); break;
            case UnaryKind.Tanh: TensorPrimitives.Tanh(x, d); break;
            case UnaryKind.Relu: TensorPrimitives.Max(x, 0f, d); break;
            case UnaryKind.Scale: TensorPrimitives.Multiply(x, alpha, d); break;
            case UnaryKind.AddScalar: TensorPrimitives.Add(x, alpha, d); break;
            case UnaryKind.Reciprocal: TensorPrimitives.Divide(1f, x, d); break;
            case UnaryKind.PowScalar: TensorPrimitives.Pow(x, alpha, d); break;
            case UnaryKind.Clamp:
                TensorPrimitives.Max(x, alpha, d);
                TensorPrimitives.Min(d, beta, d);
                break;
            case UnaryKind.ReluMask: Map(x, d, default(ReluMaskOp)); break;
            case UnaryKind.Sign: Map(x, d, default(SignOp)); break;
            case UnaryKind.LeakyRelu: Map(x, d, new LeakyReluOp(alpha)); break;
            case UnaryKind.LeakyReluSlope: Map(x, d, new LeakyReluSlopeOp(alpha)); break;
            case UnaryKind.ClampMask: Map(x, d, new ClampMaskOp(alpha, beta)); break;
            case UnaryKind.Gelu: Map(x, d, default(GeluOp)); break;
            case UnaryKind.GeluDerivative: Map(x, d, default(GeluDerivativeOp)); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a unary kernel.");
        }
    }

    /// <summary>d = g · f′(x) for a derivative kind f′; ReLU's mask is fused into one vectorized pass.</summary>
    public static void UnaryGradient(UnaryKind derivative, ReadOnlySpan<float> g, ReadOnlySpan<float> x, Span<float> d, float alpha, float beta)
    {
        if (derivative != UnaryKind.ReluMask)
        {
            Unary(derivative, x, d, alpha, beta);
            TensorPrimitives.Multiply(g, d, d);
            return;
        }

        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var mask = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<float>(x[i..]), Vector<float>.Zero), Vector<float>.One, Vector<float>.Zero);
                (new Vector<float>(g[i..]) * mask).CopyTo(d[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            d[i] = g[i] * (x[i] > 0 ? 1f : 0f);
        }
    }

    public static void Binary(BinaryKind kind, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(a, b, d); break;
            case BinaryKind.Sub: TensorPrimitives.Subtract(a, b, d); break;
            case BinaryKind.Mul: TensorPrimitives.Multiply(a, b, d); break;
            case BinaryKind.Div: TensorPrimitives.Divide(a, b, d); break;
            default: TensorPrimitives.Pow(a, b, d); break;
        }
    }

    public static void BinaryScalarRight(BinaryKind kind, ReadOnlySpan<float> a, float b, Span<float> d)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(a, b, d); break;
            case BinaryKind.Sub: TensorPrimitives.Subtract(a, b, d); break;
            case BinaryKind.Mul: TensorPrimitives.Multiply(a, b, d); break;
            case BinaryKind.Div: TensorPrimitives.Divide(a, b, d); break;
            default: TensorPrimitives.Pow(a, b, d); break;
        }
    }

    public static void BinaryScalarLeft(BinaryKind kind, float a, ReadOnlySpan<float> b, Span<float> d)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(b, a, d); break;
            case BinaryKind.Sub: TensorPrimitives.Subtract(a, b, d); break;
            case BinaryKind.Mul: TensorPrimitives.Multiply(b, a, d); break;
            case BinaryKind.Div: TensorPrimitives.Divide(a, b, d); break;
            default: TensorPrimitives.Pow(a, b, d); break;
        }
    }

    public static float Apply(BinaryKind kind, float a, float b) => kind switch
    {
        BinaryKind.Add => a + b,
        BinaryKind.Sub => a - b,
        BinaryKind.Mul => a * b,
        BinaryKind.Div => a / b,
        _ => MathF.Pow(a, b),
    };

    /// <summary>The Gauss error function in double precision, by its Maclaurin series (|x| &lt; 4) and ±1 beyond.</summary>
    public static double Erf(double x)
    {
        if (Math.Abs(x) >= 4)
        {
            return Math.Sign(x);
        }

        // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)); terms shrink below 1e-17 of the sum.
        double x2 = x * x, term = x, sum = x;
        for (var n = 1; n < 200; n++)
        {
            term *= -x2 / n;
            var add = term / ((2 * n) + 1);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }

        return sum * 1.1283791670955126;
    }

    /// <summary>Applies <paramref name="op"/> to every element; generic over a struct, so the JIT inlines it into the loop.</summary>
    private static void Map<TOp>(ReadOnlySpan<float> x, Span<float> d, TOp op)
        where TOp : struct, IPointwise
    {
        for (var i = 0; i < x.Length; i++)
        {
            d[i] = op.Apply(x[i]);
        }
    }

    private interface IPointwise
    {
        float Apply(float v);
    }

    private readonly struct ReluMaskOp : IPointwise
    {
        public float Apply(float v) => v > 0 ? 1f : 0f;
    }

    private readonly struct SignOp : IPointwise
    {
        public float Apply(float v) => v > 0 ? 1f : v < 0 ? -1f : 0f;
    }

    private readonly struct LeakyReluOp(float slope) : IPointwise
    {
        public float Apply(float v) => v > 0 ? v : slope * v;
    }

    private readonly struct LeakyReluSlopeOp(float slope) : IPointwise
    {
        public float Apply(float v) => v > 0 ? 1f : slope;
    }

    private readonly struct ClampMaskOp(float min, float max) : IPointwise
    {
        public float Apply(float v) => v >= min && v <= max ? 1f : 0f;
    }

    private readonly struct GeluOp : IPointwise
    {
        public float Apply(float v) => (float)(0.5 * v * (1.0 + Erf(v * InvSqrt2)));
    }

    private readonly struct GeluDerivativeOp : IPointwise
    {
        public float Apply(float v) => (float)((0.5 * (1.0 + Erf(v * InvSqrt2))) + (v * InvSqrt2Pi * Math.Exp(-0.5 * v * v)));
    }
}
