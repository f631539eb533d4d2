using System.Runtime.InteropServices;

namespace Kiln.Tensors.Interop;

/// <summary>P/Invoke declarations for CLBlast, the tuned OpenCL BLAS (Debian package libclblast1).</summary>
internal static unsafe partial class ClBlastNative
{
    internal const string Library = "libclblast.so.1";

    internal const int LayoutRowMajor = 101;
    internal const int TransposeNo = 111;
    internal const int TransposeYes = 112;

    private static readonly Lazy<bool> Loaded = new(() =>
        NativeLibrary.TryLoad(Library, typeof(ClBlastNative).Assembly, null, out var handle) && NativeLibrary.TryGetExport(handle, "CLBlastSgemm", out _));

    /// <summary>Whether libclblast.so.1 and its CLBlastSgemm export could be loaded.</summary>
    internal static bool IsAvailable => Loaded.Value;

    /// <summary>The hint given when CLBlast is missing.</summary>
    internal const string MissingMessage = "libclblast.so.1 not found, so OpenCL matrix products use Kiln's naive kernel: apt-get install libclblast1";

    /// <summary>C = alpha · op(A) · op(B) + beta · C on OpenCL buffers, enqueued on <paramref name="queue"/>.</summary>
    [LibraryImport(Library, EntryPoint = "CLBlastSgemm")]
    internal static partial int Sgemm(
        int layout, int transA, int transB, nuint m, nuint n, nuint k, float alpha,
        nint a, nuint aOffset, nuint lda, nint b, nuint bOffset, nuint ldb, float beta,
        nint c, nuint cOffset, nuint ldc, nint* queue, nint* evt);
}
