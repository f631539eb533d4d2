using Kiln.Tensors.Backends.Cpu;
using Kiln.Tensors.Interop;

namespace Kiln.Tensors.Tests.Backends;

public sealed class GemmTests
{
    public static TheoryData<int, int, int, bool, bool> Sizes => new()
    {
        { 1, 1, 1, false, false },
        { 3, 5, 4, false, false },
        { 7, 3, 9, true, false },
        { 8, 16, 5, false, true },
        { 33, 17, 65, true, true },
        { 130, 70, 90, false, false },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ManagedGemm_RandomMatrices_MatchesDoublePrecisionProduct(int m, int k, int n, bool transA, bool transB)
    {
        var (a, b) = Operands(m, k, n, 1);
        var c = new float[m * n];

        ManagedGemm.Multiply(a, 0, b, 0, c, 0, m, k, n, transA, transB);

        ShouldMatch(c, Reference(a, b, m, k, n, transA, transB), k);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void OpenBlasGemm_RandomMatrices_MatchesManagedFallback(int m, int k, int n, bool transA, bool transB)
    {
        Assert.SkipUnless(OpenBlasGemm.IsAvailable, "libopenblas.so.0 is not installed (apt-get install libopenblas0-pthread).");
        var (a, b) = Operands(m, k, n, 2);
        var native = new float[m * n];
        var managed = new float[m * n];

        OpenBlasGemm.Multiply(a, 0, b, 0, native, 0, m, k, n, transA, transB);
        ManagedGemm.Multiply(a, 0, b, 0, managed, 0, m, k, n, transA, transB);

        ShouldMatch(native, Reference(a, b, m, k, n, transA, transB), k);
        ShouldMatch(managed, native.Select(v => (double)v).ToArray(), k);
    }

    [Fact]
    public void CpuBlas_Describe_NamesThePathInUse()
    {
        CpuBlas.Describe().ShouldContain(CpuBlas.IsNativeAvailable ? "OpenBLAS" : "apt-get install libopenblas0-pthread");
    }

    private static (float[] A, float[] B) Operands(int m, int k, int n, long seed)
    {
        var g = new Generator(seed);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)g.NextNormal()).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)g.NextNormal()).ToArray();
        return (a, b);
    }

    private static double[] Reference(float[] a, float[] b, int m, int k, int n, bool transA, bool transB)
    {
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                {
                    sum += (double)a[transA ? (p * m) + i : (i * k) + p] * b[transB ? (j * k) + p : (p * n) + j];
                }

                c[(i * n) + j] = sum;
            }
        }

        return c;
    }

    private static void ShouldMatch(float[] actual, double[] expected, int k)
    {
        // float32 accumulation of k unit-normal products: error grows like sqrt(k) · 6e-8 · typical magnitude.
        var tolerance = 1e-5 * Math.Sqrt(k) * 4;
        for (var i = 0; i < actual.Length; i++)
        {
            Math.Abs(actual[i] - expected[i]).ShouldBeLessThanOrEqualTo(tolerance + (1e-6 * Math.Abs(expected[i])), $"element {i}");
        }
    }
}
