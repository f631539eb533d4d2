using System.Runtime.InteropServices;

namespace Kiln.Tensors.Interop;

/// <summary>
/// The CUDA driver API (<c>libcuda.so.1</c>, shipped with the NVIDIA driver), bound at run time through function pointers
/// so that no CUDA toolkit is needed to build Kiln and versioned entry points (<c>_v2</c>) are chosen explicitly.
/// </summary>
internal sealed unsafe class CudaDriver
{
    internal const string Library = "libcuda.so.1";
    internal const int ErrorOutOfMemory = 2;
    internal const int AttributeMultiprocessorCount = 16;
    internal const int AttributeComputeCapabilityMajor = 75;
    internal const int AttributeComputeCapabilityMinor = 76;

    private static readonly Lazy<(CudaDriver? Driver, string? Problem)> Loaded = new(Load);

    private CudaDriver(nint library)
    {
        Init = (delegate* unmanaged<uint, int>)Export(library, "cuInit");
        DriverGetVersion = (delegate* unmanaged<int*, int>)Export(library, "cuDriverGetVersion");
        DeviceGetCount = (delegate* unmanaged<int*, int>)Export(library, "cuDeviceGetCount");
        DeviceGet = (delegate* unmanaged<int*, int, int>)Export(library, "cuDeviceGet");
        DeviceGetName = (delegate* unmanaged<byte*, int, int, int>)Export(library, "cuDeviceGetName");
        DeviceTotalMem = (delegate* unmanaged<nuint*, int, int>)Export(library, "cuDeviceTotalMem_v2");
        DeviceGetAttribute = (delegate* unmanaged<int*, int, int, int>)Export(library, "cuDeviceGetAttribute");
        DevicePrimaryCtxRetain = (delegate* unmanaged<nint*, int, int>)Export(library, "cuDevicePrimaryCtxRetain");
        CtxSetCurrent = (delegate* unmanaged<nint, int>)Export(library, "cuCtxSetCurrent");
        MemAlloc = (delegate* unmanaged<ulong*, nuint, int>)Export(library, "cuMemAlloc_v2");
        MemFree = (delegate* unmanaged<ulong, int>)Export(library, "cuMemFree_v2");
        MemcpyHtoD = (delegate* unmanaged<ulong, void*, nuint, int>)Export(library, "cuMemcpyHtoD_v2");
        MemcpyDtoH = (delegate* unmanaged<void*, ulong, nuint, int>)Export(library, "cuMemcpyDtoH_v2");
        MemcpyDtoD = (delegate* unmanaged<ulong, ulong, nuint, int>)Export(library, "cuMemcpyDtoD_v2");
        ModuleLoadData = (delegate* unmanaged<nint*, void*, int>)Export(library, "cuModuleLoadData");
        ModuleGetFunction = (delegate* unmanaged<nint*, nint, byte*, int>)Export(library, "cuModuleGetFunction");
        LaunchKernel = (delegate* unmanaged<nint, uint, uint, uint, uint, uint, uint, uint, nint, void**, void**, int>)Export(library, "cuLaunchKernel");
        GetErrorName = (delegate* unmanaged<int, byte**, int>)Export(library, "cuGetErrorName");
    }

    public delegate* unmanaged<uint, int> Init { get; }

    public delegate* unmanaged<int*, int> DriverGetVersion { get; }

    public delegate* unmanaged<int*, int> DeviceGetCount { get; }

    public delegate* unmanaged<int*, int, int> DeviceGet { get; }

    public delegate* unmanaged<byte*, int, int, int> DeviceGetName { get; }

    public delegate* unmanaged<nuint*, int, int> DeviceTotalMem { get; }

    public delegate* unmanaged<int*, int, int, int> DeviceGetAttribute { get; }

    public delegate* unmanaged<nint*, int, int> DevicePrimaryCtxRetain { get; }

    public delegate* unmanaged<nint, int> CtxSetCurrent { get; }

    public delegate* unmanaged<ulong*, nuint, int> MemAlloc { get; }

    public delegate* unmanaged<ulong, int> MemFree { get; }

    public delegate* unmanaged<ulong, void*, nuint, int> MemcpyHtoD { get; }

    public delegate* unmanaged<void*, ulong, nuint, int> MemcpyDtoH { get; }

    public delegate* unmanaged<ulong, ulong, nuint, int> MemcpyDtoD { get; }

    public delegate* unmanaged<nint*, void*, int> ModuleLoadData { get; }

    public delegate* unmanaged<nint*, nint, byte*, int> ModuleGetFunction { get; }

    public delegate* unmanaged<nint, uint, uint, uint, uint, uint, uint, uint, nint, void**, void**, int> LaunchKernel { get; }

    public delegate* unmanaged<int, byte**, int> GetErrorName { get; }

    /// <summary>The initialized driver, or null with <see cref="Problem"/> saying why.</summary>
    public static CudaDriver? Instance => Loaded.Value.Driver;

    /// <summary>Why the CUDA driver cannot be used, or null.</summary>
    public static string? Problem => Loaded.Value.Problem;

    /// <summary>Throws when a driver call did not return CUDA_SUCCESS, naming the call and the error.</summary>
    public void Check(int status, string call)
    {
        if (status != 0)
        {
            byte* name = null;
            GetErrorName(status, &name);
            var text = name == null ? "unknown error" : Marshal.PtrToStringUTF8((nint)name);
            throw new InvalidOperationException($"CUDA: {call} failed with error {status} ({text}).");
        }
    }

    private static nint Export(nint library, string name) => NativeLibrary.GetExport(library, name);

    private static (CudaDriver?, string?) Load()
    {
        if (!NativeLibrary.TryLoad(Library, typeof(CudaDriver).Assembly, null, out var library))
        {
            return (null, $"{Library} not found: install the NVIDIA driver (Debian non-free: apt-get install nvidia-driver; in a container, run it with the NVIDIA container toolkit, e.g. docker run --gpus all)");
        }

        try
        {
            var driver = new CudaDriver(library);
            var status = driver.Init(0);
            if (status != 0)
            {
                return (null, $"cuInit failed with error {status}: the NVIDIA driver is installed but no usable GPU was found (check nvidia-smi)");
            }

            return (driver, null);
        }
        catch (EntryPointNotFoundException e)
        {
            return (null, $"{Library} is too old ({e.Message}): update the NVIDIA driver");
        }
    }
}
