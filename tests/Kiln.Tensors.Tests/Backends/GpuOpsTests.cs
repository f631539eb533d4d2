namespace Kiln.Tensors.Tests.Backends;

/// <summary>Ops and paths the small golden fixtures do not reach, checked on each GPU backend against the CPU backend.</summary>
public sealed class GpuOpsTests
{
    [Theory]
    [InlineData("opencl", 100_003, 1, 1)]
    [InlineData("opencl", 1, 3001, 5)]
    [InlineData("opencl", 7, 5000, 1)]
    [InlineData("cuda", 100_003, 1, 1)]
    [InlineData("cuda", 1, 3001, 5)]
    public void Sum_LongAxisSummedInChunks_MatchesCpu(string kind, int outer, int n, int inner)
    {
        var device = AcceleratorFacts.Require(kind);
        var x = Tensor.Uniform(new Shape(outer, n, inner), -1f, 1f, new Generator(3));

        var expected = x.Sum(1).ToArray();
        var actual = x.To(device).Sum(1).ToArray();

        Golden.Approx.ShouldMatch(actual, [.. expected.Select(v => (double)v)], "sum", 1e-4, 1e-3);
    }

    [Theory]
    [InlineData("opencl")]
    [InlineData("cuda")]
    public void Comparisons_BroadcastAcrossDTypes_MatchCpu(string kind)
    {
        var device = AcceleratorFacts.Require(kind);
        var a = Tensor.FromArray([1f, float.NaN, 3f, -2f, 0f, 5f], 2, 3);
        var b = Tensor.FromArray([1f, 0f, 4f], 3);
        var i = Tensor.FromArray([3L, -1L, 7L], 3);

        a.To(device).Gt(b.To(device)).ToArray<bool>().ShouldBe(a.Gt(b).ToArray<bool>());
        a.To(device).Eq(b.To(device)).ToArray<bool>().ShouldBe(a.Eq(b).ToArray<bool>());
        a.To(device).Lt(0).ToArray<bool>().ShouldBe(a.Lt(0).ToArray<bool>());
        var j = Tensor.FromArray([7L, -1L, 2L], 3);
        i.To(device).Ge(j.To(device)).ToArray<bool>().ShouldBe(i.Ge(j).ToArray<bool>());
        a.To(device).Gt(0).Eq(a.To(device).Gt(1)).ToArray<bool>().ShouldBe(a.Gt(0).Eq(a.Gt(1)).ToArray<bool>());
    }

    [Theory]
    [InlineData("opencl")]
    [InlineData("cuda")]
    public void DataMovement_Int64AndBoolTensors_MatchCpu(string kind)
    {
        var device = AcceleratorFacts.Require(kind);
        var l = Tensor.Arange(0, 24, dtype: DType.Int64).Reshape(2, 3, 4);
        var b = l.Gt(10);

        l.To(device).Permute(2, 0, 1).ToArray<long>().ShouldBe(l.Permute(2, 0, 1).ToArray<long>());
        b.To(device).Transpose(0, 2).ToArray<bool>().ShouldBe(b.Transpose(0, 2).ToArray<bool>());
        Tensor.Concat([l.To(device), l.To(device)], 1).ToArray<long>().ShouldBe(Tensor.Concat([l, l], 1).ToArray<long>());
        l.To(device).Slice(2, 1, null, 2).ToArray<long>().ShouldBe(l.Slice(2, 1, null, 2).ToArray<long>());
        l.To(device).ToType(DType.Float32).ToType(DType.Bool).ToArray<bool>().ShouldBe(l.ToType(DType.Float32).ToType(DType.Bool).ToArray<bool>());
    }

    [Theory]
    [InlineData("opencl")]
    [InlineData("cuda")]
    public void ArgMaxAndCreation_OnDevice_MatchCpu(string kind)
    {
        var device = AcceleratorFacts.Require(kind);
        var x = Tensor.Randn(new Shape(6, 50, 3), new Generator(5));

        x.To(device).ArgMax(1).ToArray<long>().ShouldBe(x.ArgMax(1).ToArray<long>());
        Tensor.Arange(10, device).ToArray().ShouldBe(Tensor.Arange(10).ToArray());
        Tensor.Full(new Shape(3), 2.5, device: device).ToArray().ShouldBe([2.5f, 2.5f, 2.5f]);
        Tensor.Zeros(new Shape(4), DType.Int64, device).ToArray<long>().ShouldBe([0L, 0L, 0L, 0L]);
    }

    [Theory]
    [InlineData("opencl")]
    [InlineData("cuda")]
    public void MatMul_LargeOperandsBothTransposes_MatchCpu(string kind)
    {
        var device = AcceleratorFacts.Require(kind);
        var a = Tensor.Randn(new Shape(70, 130), new Generator(1));
        var b = Tensor.Randn(new Shape(90, 130), new Generator(2));

        var expected = a.MatMul(b.Transpose(0, 1)).ToArray();
        var actual = a.To(device).MatMul(b.To(device).Transpose(0, 1)).ToArray();

        Golden.Approx.ShouldMatch(actual, [.. expected.Select(v => (double)v)], "matmul", 1e-4, 1e-4);
    }

    [Theory]
    [InlineData("opencl")]
    [InlineData("cuda")]
    public void Dropout_SameGenerator_MatchesCpuWithGradient(string kind)
    {
        var device = AcceleratorFacts.Require(kind);
        var x = Tensor.Randn(new Shape(4, 25), new Generator(9));
        var onCpu = x.RequireGrad();
        var onDevice = x.Detach().To(device).RequireGrad();

        var expected = Functional.Dropout(onCpu, 0.3f, generator: new Generator(4));
        var actual = Functional.Dropout(onDevice, 0.3f, generator: new Generator(4));
        expected.Sum().Backward();
        actual.Sum().Backward();

        actual.ToArray().ShouldBe(expected.ToArray());
        onDevice.Grad!.ToArray().ShouldBe(onCpu.Grad!.ToArray());
    }
}
