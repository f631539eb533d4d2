using System.Runtime.InteropServices;
using System.Text;

namespace Kiln.Tensors.Interop;

/// <summary>NVRTC, NVIDIA's run-time CUDA C++ compiler (<c>libnvrtc.so</c>), bound through function pointers to whichever major version is installed.</summary>
internal sealed unsafe class NvrtcNative
{
    internal static readonly string[] Candidates = ["libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2"];

    internal const string MissingMessage =
        "libnvrtc.so not found, so Kiln cannot compile its CUDA kernels: install NVRTC (NVIDIA CUDA repository: apt-get install cuda-nvrtc-12-x; Debian non-free: apt-get install libnvrtc11.2)";

    private static readonly Lazy<(NvrtcNative? Nvrtc, string? Problem)> Loaded = new(Load);

    private readonly delegate* unmanaged<int*, int*, int> _version;
    private readonly delegate* unmanaged<nint*, byte*, byte*, int, byte**, byte**, int> _createProgram;
    private readonly delegate* unmanaged<nint, int, byte**, int> _compileProgram;
    private readonly delegate* unmanaged<nint, nuint*, int> _getLogSize;
    private readonly delegate* unmanaged<nint, byte*, int> _getLog;
    private readonly delegate* unmanaged<nint, nuint*, int> _getPtxSize;
    private readonly delegate* unmanaged<nint, byte*, int> _getPtx;
    private readonly delegate* unmanaged<nint*, int> _destroyProgram;

    private NvrtcNative(nint library, string path)
    {
        LoadedFrom = path;
        _version = (delegate* unmanaged<int*, int*, int>)NativeLibrary.GetExport(library, "nvrtcVersion");
        _createProgram = (delegate* unmanaged<nint*, byte*, byte*, int, byte**, byte**, int>)NativeLibrary.GetExport(library, "nvrtcCreateProgram");
        _compileProgram = (delegate* unmanaged<nint, int, byte**, int>)NativeLibrary.GetExport(library, "nvrtcCompileProgram");
        _getLogSize = (delegate* unmanaged<nint, nuint*, int>)NativeLibrary.GetExport(library, "nvrtcGetProgramLogSize");
        _getLog = (delegate* unmanaged<nint, byte*, int>)NativeLibrary.GetExport(library, "nvrtcGetProgramLog");
        _getPtxSize = (delegate* unmanaged<nint, nuint*, int>)NativeLibrary.GetExport(library, "nvrtcGetPTXSize");
        _getPtx = (delegate* unmanaged<nint, byte*, int>)NativeLibrary.GetExport(library, "nvrtcGetPTX");
        _destroyProgram = (delegate* unmanaged<nint*, int>)NativeLibrary.GetExport(library, "nvrtcDestroyProgram");
    }

    /// <summary>The loaded compiler, or null with <see cref="Problem"/> saying why.</summary>
    public static NvrtcNative? Instance => Loaded.Value.Nvrtc;

    /// <summary>Why NVRTC cannot be used, or null.</summary>
    public static string? Problem => Loaded.Value.Problem;

    /// <summary>The library name that loaded.</summary>
    public string LoadedFrom { get; }

    /// <summary>The NVRTC version as major.minor.</summary>
    public string Version
    {
        get
        {
            int major, minor;
            return _version(&major, &minor) == 0 ? $"{major}.{minor}" : "unknown";
        }
    }

    /// <summary>Compiles CUDA C++ source to PTX for compute capability <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public byte[] CompileToPtx(string source, string name, int major, int minor)
    {
        nint program;
        var src = Encoding.UTF8.GetBytes(source + "\0");
        var file = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* s = src, f = file)
        {
            Check(_createProgram(&program, s, f, 0, null, null), "nvrtcCreateProgram");
        }

        try
        {
            var option = Encoding.ASCII.GetBytes($"--gpu-architecture=compute_{major}{minor}\0");
            int status;
            fixed (byte* o = option)
            {
                var options = o;
                status = _compileProgram(program, 1, &options);
            }

            if (status != 0)
            {
                nuint logSize;
                _getLogSize(program, &logSize);
                var log = new byte[(int)logSize];
                fixed (byte* l = log)
                {
                    _getLog(program, l);
                }

                throw new InvalidOperationException($"NVRTC: compiling Kiln's CUDA kernels failed (error {status}); the compiler said:\n{Encoding.UTF8.GetString(log).TrimEnd('\0')}");
            }

            nuint size;
            Check(_getPtxSize(program, &size), "nvrtcGetPTXSize");
            var ptx = new byte[(int)size];
            fixed (byte* p = ptx)
            {
                Check(_getPtx(program, p), "nvrtcGetPTX");
            }

            return ptx;
        }
        finally
        {
            _destroyProgram(&program);
        }
    }

    private static void Check(int status, string call)
    {
        if (status != 0)
        {
            throw new InvalidOperationException($"NVRTC: {call} failed with error {status}.");
        }
    }

    private static (NvrtcNative?, string?) Load()
    {
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, typeof(NvrtcNative).Assembly, null, out var library))
            {
                try
                {
                    return (new NvrtcNative(library, candidate), null);
                }
                catch (EntryPointNotFoundException e)
                {
                    return (null, $"{candidate} lacks an expected export ({e.Message}): install a current NVRTC");
                }
            }
        }

        return (null, MissingMessage);
    }
}
