using System.Runtime.InteropServices;

namespace Kiln.Tensors.Interop;

/// <summary>P/Invoke declarations for OpenBLAS (Debian package libopenblas0-pthread).</summary>
internal static unsafe partial class NativeMethods
{
    internal const string OpenBlasLibrary = "libopenblas.so.0";

    internal const int CblasRowMajor = 101;
    internal const int CblasNoTrans = 111;
    internal const int CblasTrans = 112;

    /// <summary>C = alpha · op(A) · op(B) + beta · C (single precision, CBLAS interface).</summary>
    [LibraryImport(OpenBlasLibrary, EntryPoint = "cblas_sgemm")]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    internal static partial void CblasSgemm(
        int order, int transA, int transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    /// <summary>Sets the number of threads OpenBLAS uses for each call (process-wide).</summary>
    [LibraryImport(OpenBlasLibrary, EntryPoint = "openblas_set_num_threads")]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    internal static partial void OpenBlasSetNumThreads(int threads);

    /// <summary>The number of threads OpenBLAS uses for each call.</summary>
    [LibraryImport(OpenBlasLibrary, EntryPoint = "openblas_get_num_threads")]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    internal static partial int OpenBlasGetNumThreads();
}
