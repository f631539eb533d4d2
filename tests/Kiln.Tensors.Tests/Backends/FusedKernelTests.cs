using Kiln.Tensors.Backends;

namespace Kiln.Tensors.Tests.Backends;

/// <summary>The fused CPU kernels give bit for bit what the unfused tensor ops they replace give (vector body and scalar tail).</summary>
public sealed class FusedKernelTests
{
    // Not a multiple of any vector width, so the scalar tail runs too.
    private const int Length = 1037;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    public void AdamUpdateInPlace_ThreeSteps_BitIdenticalToUnfusedOps(double weightDecay)
    {
        var g = new Generator(5);
        var fused = Tensor.Randn(new Shape(Length), g);
        var reference = fused.Clone();
        var (m, v) = (Tensor.Zeros(Length), Tensor.Zeros(Length));
        var (mRef, vRef) = (Tensor.Zeros(Length), Tensor.Zeros(Length));
        const double Lr = 1e-2, Beta1 = 0.9, Beta2 = 0.999, Eps = 1e-8;
        for (var step = 1; step <= 3; step++)
        {
            var grad = Tensor.Randn(new Shape(Length), g);
            var bc1 = 1 - Math.Pow(Beta1, step);
            var bc2 = Math.Sqrt(1 - Math.Pow(Beta2, step));
            fused.AdamUpdateInPlace(grad, m, v, new AdamCoefficients(
                (float)Beta1, (float)(1 - Beta1), (float)Beta2, (float)(1 - Beta2), (float)bc2, (float)Eps, (float)-(Lr / bc1), (float)weightDecay));

            var gr = weightDecay == 0 ? grad : grad + (reference * (float)weightDecay);
            mRef.MulInPlace((float)Beta1).AddInPlace(gr, (float)(1 - Beta1));
            vRef.MulInPlace((float)Beta2).AddInPlace(gr * gr, (float)(1 - Beta2));
            var denom = Tensor.Div(vRef.Sqrt(), Tensor.Full(new Shape(), bc2, DType.Float32)) + (float)Eps;
            reference.AddInPlace(mRef / denom, (float)-(Lr / bc1));
        }

        Bits(fused).ShouldBe(Bits(reference));
        Bits(m).ShouldBe(Bits(mRef));
        Bits(v).ShouldBe(Bits(vRef));
    }

    [Fact]
    public void AdamUpdateInPlace_ParameterRequiringGradOutsideNoGrad_Throws()
    {
        var p = Tensor.Ones(4).RequireGrad();

        Should.Throw<InvalidOperationException>(() => p.AdamUpdateInPlace(Tensor.Ones(4), Tensor.Zeros(4), Tensor.Zeros(4), default));
    }

    [Fact]
    public void AdamUpdateInPlace_MomentOfOtherShape_NamesIt()
    {
        var p = Tensor.Ones(4);

        Should.Throw<ShapeMismatchException>(() => p.AdamUpdateInPlace(Tensor.Ones(4), Tensor.Zeros(3), Tensor.Zeros(4), default))
            .Message.ShouldContain("exp_avg");
    }

    [Fact]
    public void ReluBackward_FusedMask_EqualsGradientTimesStep()
    {
        var g = new Generator(8);
        var x = (Tensor.Randn(new Shape(Length), g) * 1e-3f).RequireGrad();
        var upstream = Tensor.Randn(new Shape(Length), g);

        x.Relu().Backward(upstream);

        var xs = x.ToArray();
        var ups = upstream.ToArray();
        Bits(x.Grad!).ShouldBe([.. xs.Select((v, i) => BitConverter.SingleToInt32Bits(ups[i] * (v > 0 ? 1f : 0f)))]);
    }

    [Fact]
    public void LinearWithBias_BatchedInput_ForwardBitIdenticalAndGradientsMatchProductPlusBias()
    {
        var g = new Generator(9);
        var x = Tensor.Randn(new Shape(2, 3, 5), g);
        var w = Tensor.Randn(new Shape(4, 5), g);
        var b = Tensor.Randn(new Shape(4), g);
        Tensor[] fused = [x.Clone().RequireGrad(), w.Clone().RequireGrad(), b.Clone().RequireGrad()];
        Tensor[] plain = [x.Clone().RequireGrad(), w.Clone().RequireGrad(), b.Clone().RequireGrad()];
        var upstream = Tensor.Randn(new Shape(2, 3, 4), g);

        var y = Functional.Linear(fused[0], fused[1], fused[2]);
        var expected = Kiln.Tensors.Ops.MatMulOp.MatMulTransposed(plain[0], plain[1]) + plain[2];
        y.Backward(upstream);
        expected.Backward(upstream);

        y.Shape.ShouldBe(new Shape(2, 3, 4));
        Bits(y).ShouldBe(Bits(expected));
        for (var i = 0; i < fused.Length; i++)
        {
            // Bias rows are summed in one pass over [6, 4] here and dimension by dimension there, so only rounding may differ.
            var (actual, wanted) = (fused[i].Grad!.ToArray(), plain[i].Grad!.ToArray());
            for (var j = 0; j < wanted.Length; j++)
            {
                Math.Abs(actual[j] - wanted[j]).ShouldBeLessThanOrEqualTo(1e-5f * (1 + Math.Abs(wanted[j])), $"gradient {i} element {j}");
            }
        }
    }

    [Fact]
    public void LinearBackward_KeptWeightGradient_AccumulatesIntoTheSameTensor()
    {
        var x = Tensor.Randn(new Shape(5, 3), new Generator(10));
        var w = Tensor.Randn(new Shape(4, 3), new Generator(11)).RequireGrad();
        var kept = Tensor.Full(new Shape(4, 3), 0.5);
        w.Grad = kept;

        Functional.Linear(x, w, Tensor.Zeros(4)).Sum().Backward();

        // d(sum)/dW[i, j] = Σ_rows x[r, j], added to the 0.5 already there.
        w.Grad.ShouldBeSameAs(kept);
        var columnSums = x.Sum(0).ToArray();
        var grad = kept.ToArray();
        for (var i = 0; i < grad.Length; i++)
        {
            grad[i].ShouldBe(0.5f + columnSums[i % 3], 1e-5f);
        }
    }

    [Fact]
    public void LinearWithBias_BiasOfWrongLength_NamesBothShapes()
    {
        var e = Should.Throw<ShapeMismatchException>(() => Functional.Linear(Tensor.Ones(2, 3), Tensor.Ones(4, 3), Tensor.Ones(3)));

        e.Message.ShouldContain("[4, 3]");
        e.Message.ShouldContain("[3]");
    }

    private static int[] Bits(Tensor t) => [.. t.ToArray().Select(BitConverter.SingleToInt32Bits)];
}
