using System.Runtime.InteropServices;

namespace Kiln.Tensors.Interop;

/// <summary>cuBLAS (<c>libcublas.so</c>), bound through function pointers to whichever major version is installed.</summary>
internal sealed unsafe class CuBlasNative
{
    internal static readonly string[] Candidates = ["libcublas.so", "libcublas.so.13", "libcublas.so.12", "libcublas.so.11"];

    internal const int OpN = 0;
    internal const int OpT = 1;

    internal const string MissingMessage =
        "libcublas.so not found, so CUDA matrix products use Kiln's naive kernel: install cuBLAS (NVIDIA CUDA repository: apt-get install libcublas-12-x; Debian non-free: apt-get install libcublas11)";

    private static readonly Lazy<(CuBlasNative? Blas, string? Problem)> Loaded = new(Load);

    private CuBlasNative(nint library, string path)
    {
        LoadedFrom = path;
        Create = (delegate* unmanaged<nint*, int>)NativeLibrary.GetExport(library, "cublasCreate_v2");
        SgemmStridedBatched = (delegate* unmanaged<nint, int, int, int, int, int, float*, ulong, int, long, ulong, int, long, float*, ulong, int, long, int, int>)
            NativeLibrary.GetExport(library, "cublasSgemmStridedBatched");
    }

    /// <summary>The loaded library, or null with <see cref="Problem"/> saying why.</summary>
    public static CuBlasNative? Instance => Loaded.Value.Blas;

    /// <summary>Why cuBLAS cannot be used, or null.</summary>
    public static string? Problem => Loaded.Value.Problem;

    /// <summary>The library name that loaded.</summary>
    public string LoadedFrom { get; }

    /// <summary>cublasCreate_v2(&amp;handle).</summary>
    public delegate* unmanaged<nint*, int> Create { get; }

    /// <summary>cublasSgemmStridedBatched: column-major C[i] = alpha · op(A[i]) · op(B[i]) + beta · C[i].</summary>
    public delegate* unmanaged<nint, int, int, int, int, int, float*, ulong, int, long, ulong, int, long, float*, ulong, int, long, int, int> SgemmStridedBatched { get; }

    private static (CuBlasNative?, string?) Load()
    {
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, typeof(CuBlasNative).Assembly, null, out var library))
            {
                try
                {
                    return (new CuBlasNative(library, candidate), null);
                }
                catch (EntryPointNotFoundException e)
                {
                    return (null, $"{candidate} lacks an expected export ({e.Message}): install a current cuBLAS");
                }
            }
        }

        return (null, MissingMessage);
    }
}
