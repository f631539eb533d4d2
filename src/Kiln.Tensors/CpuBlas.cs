using Kiln.Tensors.Interop;

namespace Kiln.Tensors;

/// <summary>Chooses how the CPU backend multiplies matrices: OpenBLAS when installed, else managed SIMD code.</summary>
public static class CpuBlas
{
    /// <summary>Whether OpenBLAS (<c>libopenblas.so.0</c>, Debian package libopenblas0-pthread) could be loaded.</summary>
    public static bool IsNativeAvailable => OpenBlasGemm.IsAvailable;

    /// <summary>Whether to use OpenBLAS when it is available (default true); set false to force the managed fallback.</summary>
    public static bool UseNative { get; set; } = true;

    /// <summary>
    /// The threads OpenBLAS uses per matrix product, process-wide (default: one per core, or <c>OPENBLAS_NUM_THREADS</c>).
    /// A model server that runs one batch at a time is faster with 1, leaving the other cores to HTTP. Without OpenBLAS
    /// the managed GEMM ignores it and this reads 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int ThreadCount
    {
        get => IsNativeAvailable ? NativeMethods.OpenBlasGetNumThreads() : 1;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            if (IsNativeAvailable)
            {
                NativeMethods.OpenBlasSetNumThreads(value);
            }
        }
    }

    /// <summary>Describes the GEMM path in use, for diagnostics such as <c>kiln doctor</c>.</summary>
    public static string Describe() => UseNative && IsNativeAvailable
        ? "OpenBLAS cblas_sgemm (libopenblas.so.0)"
        : IsNativeAvailable ? "managed SIMD GEMM (OpenBLAS disabled by CpuBlas.UseNative)" : "managed SIMD GEMM; " + OpenBlasGemm.MissingMessage;
}
