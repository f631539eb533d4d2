using System.Runtime.InteropServices;

namespace Kiln.Tensors.Interop;

/// <summary>Single-precision GEMM through OpenBLAS, loaded once on first use.</summary>
internal static class OpenBlasGemm
{
    private static readonly Lazy<bool> Loaded = new(Probe);

    /// <summary>Whether libopenblas.so.0 and its cblas_sgemm export could be loaded.</summary>
    public static bool IsAvailable => Loaded.Value;

    /// <summary>The hint shown once when the native library is missing.</summary>
    public const string MissingMessage =
        "Kiln.Tensors: OpenBLAS (libopenblas.so.0) was not found, so matrix products use the managed SIMD fallback. " +
        "`sudo apt-get install libopenblas0-pthread` gives the fast path.";

    /// <summary>C[m×n] = op(A) · op(B), row-major, overwriting C (or adding to it when <paramref name="accumulate"/>, β = 1).</summary>
    public static unsafe void Multiply(
        float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool transA, bool transB, bool accumulate = false)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0 && accumulate)
        {
            return;
        }

        if (k == 0)
        {
            Array.Clear(c, cOffset, m * n);
            return;
        }

        fixed (float* pa = &a[aOffset], pb = &b[bOffset], pc = &c[cOffset])
        {
            NativeMethods.CblasSgemm(
                NativeMethods.CblasRowMajor,
                transA ? NativeMethods.CblasTrans : NativeMethods.CblasNoTrans,
                transB ? NativeMethods.CblasTrans : NativeMethods.CblasNoTrans,
                m, n, k, 1f, pa, transA ? m : k, pb, transB ? k : n, accumulate ? 1f : 0f, pc, n);
        }
    }

    private static bool Probe()
    {
        if (NativeLibrary.TryLoad(NativeMethods.OpenBlasLibrary, typeof(OpenBlasGemm).Assembly, null, out var handle)
            && NativeLibrary.TryGetExport(handle, "cblas_sgemm", out _))
        {
            return true;
        }

        Console.Error.WriteLine(MissingMessage);
        return false;
    }
}
