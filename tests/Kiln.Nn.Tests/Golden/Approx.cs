using System.Text.Json;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Golden;

/// <summary>Closeness assertions against PyTorch values: |actual − expected| ≤ rtol·|expected| + atol.</summary>
internal static class Approx
{
    public static void Equal(Tensor actual, JsonElement expected, double rtol = 1e-5, double atol = 1e-6, string what = "")
    {
        actual.Shape.ToArray().ShouldBe(Fixture.ShapeOf(expected), $"shape of {what}");
        Equal(actual.ToArray().Select(v => (double)v).ToArray(), Fixture.Values(expected), rtol, atol, what);
    }

    public static void Equal(double[] actual, double[] expected, double rtol = 1e-5, double atol = 1e-6, string what = "")
    {
        actual.Length.ShouldBe(expected.Length, $"length of {what}");
        for (var i = 0; i < actual.Length; i++)
        {
            var tol = (rtol * Math.Abs(expected[i])) + atol;
            if (!(Math.Abs(actual[i] - expected[i]) <= tol))
            {
                throw new ShouldAssertException($"{what}[{i}]: expected {expected[i]:R} ± {tol:G3}, got {actual[i]:R}");
            }
        }
    }

    public static void Equal(double actual, double expected, double rtol = 1e-5, double atol = 1e-6, string what = "") =>
        Equal([actual], [expected], rtol, atol, what);
}
