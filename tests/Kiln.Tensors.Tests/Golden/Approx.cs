using System.Text.Json;

namespace Kiln.Tensors.Tests.Golden;

/// <summary>Element-wise comparison of a Kiln tensor with a PyTorch reference: |a − e| ≤ atol + rtol · |e|.</summary>
public static class Approx
{
    public static void ShouldMatch(Tensor actual, JsonElement expected, string what, double rtol = 1e-5, double atol = 1e-5)
    {
        actual.Shape.ToArray().ShouldBe(GoldenCase.ShapeOf(expected), $"{what}: shape");
        ShouldMatch(actual.ToArray(), GoldenCase.ValuesOf(expected), what, rtol, atol);
    }

    public static void ShouldMatch(float[] actual, double[] expected, string what, double rtol = 1e-5, double atol = 1e-5)
    {
        actual.Length.ShouldBe(expected.Length, $"{what}: element count");
        for (var i = 0; i < actual.Length; i++)
        {
            var tolerance = atol + (rtol * Math.Abs(expected[i]));
            if (!(Math.Abs(actual[i] - expected[i]) <= tolerance) && !(double.IsNaN(expected[i]) && float.IsNaN(actual[i])))
            {
                throw new Shouldly.ShouldAssertException($"{what}: element {i} is {actual[i]:R} but PyTorch gives {expected[i]:R} (tolerance {tolerance:G3}).");
            }
        }
    }
}
