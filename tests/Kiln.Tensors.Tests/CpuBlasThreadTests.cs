namespace Kiln.Tensors.Tests;

public sealed class CpuBlasThreadTests
{
    [Fact]
    public void ThreadCount_SetToOne_OpenBlasReportsOne_AndProductsStayEqual()
    {
        Assert.SkipUnless(CpuBlas.IsNativeAvailable, "OpenBLAS is not installed (scripts/setup-deps.sh)");
        var before = CpuBlas.ThreadCount;
        var a = Tensor.Randn(new Shape(256, 300), new Generator(1));
        var b = Tensor.Randn(new Shape(300, 200), new Generator(2));
        var expected = a.MatMul(b).ToArray();
        try
        {
            CpuBlas.ThreadCount = 1;

            CpuBlas.ThreadCount.ShouldBe(1);
            a.MatMul(b).ToArray().ShouldBe(expected, tolerance: 1e-4f);
        }
        finally
        {
            CpuBlas.ThreadCount = before;
        }

        Should.Throw<ArgumentOutOfRangeException>(() => CpuBlas.ThreadCount = 0);
    }
}
