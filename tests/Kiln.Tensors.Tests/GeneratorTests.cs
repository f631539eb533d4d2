namespace Kiln.Tensors.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void Randn_SameSeed_SameBits()
    {
        var a = Tensor.Randn(new Shape(4, 5), new Generator(42)).ToArray();
        var b = Tensor.Randn(new Shape(4, 5), new Generator(42)).ToArray();

        a.Select(BitConverter.SingleToInt32Bits).ShouldBe(b.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Rand_DifferentSeeds_DifferentValues()
    {
        Tensor.Rand(new Shape(8), new Generator(1)).ToArray().ShouldNotBe(Tensor.Rand(new Shape(8), new Generator(2)).ToArray());
    }

    [Fact]
    public void ManualSeed_Reset_ReplaysSequence()
    {
        var g = new Generator(7);
        var first = Tensor.Rand(new Shape(3), g).ToArray();

        g.ManualSeed(7);

        Tensor.Rand(new Shape(3), g).ToArray().ShouldBe(first);
    }

    [Fact]
    public void Rand_ManySamples_LieInUnitIntervalWithMeanNearHalf()
    {
        var values = Tensor.Rand(new Shape(100_000), new Generator(3)).ToArray();

        values.ShouldAllBe(v => v >= 0f && v < 1f);
        ((double)values.Average()).ShouldBe(0.5, 0.01);
    }

    [Fact]
    public void Randn_ManySamples_HaveUnitMoments()
    {
        var values = Tensor.Randn(new Shape(100_000), new Generator(4)).ToArray();
        var mean = values.Average(v => (double)v);
        var variance = values.Select(v => (v - mean) * (v - mean)).Average();

        mean.ShouldBe(0, 0.02);
        variance.ShouldBe(1, 0.02);
    }

    [Fact]
    public void RandInt_Range_StaysInsideBounds()
    {
        var values = Tensor.RandInt(-2, 3, new Shape(1000), new Generator(5)).ToArray<long>();

        values.ShouldAllBe(v => v >= -2 && v < 3);
        values.Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void Uniform_Range_StaysInsideBoundsWithMidpointMean()
    {
        var values = Tensor.Uniform(new Shape(50_000), -3f, 1f, new Generator(6)).ToArray();

        values.ShouldAllBe(v => v >= -3f && v < 1f);
        values.Average(v => (double)v).ShouldBe(-1, 0.03);
    }

    [Fact]
    public void Normal_MeanAndStd_AreApplied()
    {
        var values = Tensor.Normal(new Shape(50_000), 2f, 0.5f, new Generator(8)).ToArray();
        var mean = values.Average(v => (double)v);

        mean.ShouldBe(2, 0.02);
        Math.Sqrt(values.Average(v => (v - mean) * (v - mean))).ShouldBe(0.5, 0.02);
    }
}
