using Kiln.Tensors.Tests.Golden;

namespace Kiln.Tensors.Tests.Autograd;

/// <summary>
/// Central finite differences of f(x) = Σ op(x) · u against the autograd gradient, for every differentiable fixture case.
/// Step 3e-3 balances float32 rounding in f (about 1e-6 / 2h) against truncation (h² f‴ / 6); f is summed in double.
/// </summary>
public sealed class GradientCheckTests
{
    private const float Step = 3e-3f;
    private const double AbsoluteTolerance = 3e-3;
    private const double RelativeTolerance = 1e-2;

    public static TheoryData<string> DifferentiableCases => [.. GoldenCase.DifferentiableNames];

    [Theory]
    [MemberData(nameof(DifferentiableCases))]
    public void Backward_EveryDifferentiableOp_MatchesFiniteDifferences(string name)
    {
        var c = GoldenCase.Get(name);
        var upstream = GoldenCase.ToTensor(c.Upstream);
        var u = upstream.ToArray();
        var inputs = c.CreateInputs();
        GoldenOps.Run(c, inputs).Backward(upstream);

        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].DType != DType.Float32)
            {
                continue;
            }

            var analytic = inputs[i].Grad!.ToArray();
            var baseValues = inputs[i].ToArray();
            for (var j = 0; j < baseValues.Length; j++)
            {
                var plus = Objective(c, i, j, baseValues, Step, u);
                var minus = Objective(c, i, j, baseValues, -Step, u);
                var numeric = (plus - minus) / (2.0 * Step);
                var tolerance = AbsoluteTolerance + (RelativeTolerance * Math.Abs(numeric));
                Math.Abs(analytic[j] - numeric).ShouldBeLessThanOrEqualTo(
                    tolerance, $"{name}: d/d input {i}[{j}] autograd {analytic[j]:G6} vs finite difference {numeric:G6}");
            }
        }
    }

    private static double Objective(GoldenCase c, int input, int element, float[] baseValues, float delta, float[] u)
    {
        using var noGrad = Tensor.NoGrad();
        var inputs = c.CreateInputs(requiresGrad: false);
        var values = (float[])baseValues.Clone();
        values[element] += delta;
        inputs[input] = Tensor.FromArray(values, inputs[input].Shape.ToArray()).Reshape(inputs[input].Shape.ToArray());
        var output = GoldenOps.Run(c, inputs).ToArray();
        double sum = 0;
        for (var k = 0; k < output.Length; k++)
        {
            sum += (double)output[k] * u[k];
        }

        return sum;
    }
}
