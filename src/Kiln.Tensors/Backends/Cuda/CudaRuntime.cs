using Kiln.Tensors.Interop;

namespace Kiln.Tensors.Backends.Cuda;

/// <summary>Finds the CUDA driver and its devices once per process, remembering why when there are none.</summary>
internal static class CudaRuntime
{
    private static readonly Lazy<(IReadOnlyList<CudaDeviceInfo> Devices, string? Problem, int DriverVersion)> Probe = new(Enumerate);

    /// <summary>Every CUDA device, by ordinal.</summary>
    public static IReadOnlyList<CudaDeviceInfo> Devices => Probe.Value.Devices;

    /// <summary>Why no CUDA device can be used, or null when some can.</summary>
    public static string? Problem => Probe.Value.Problem;

    /// <summary>The CUDA version the driver supports, as major.minor, or null without a driver.</summary>
    public static string? DriverVersion => Probe.Value.DriverVersion == 0 ? null : $"{Probe.Value.DriverVersion / 1000}.{Probe.Value.DriverVersion % 1000 / 10}";

    /// <summary>Why <c>cuda:<paramref name="index"/></c> cannot be used, or null when it can.</summary>
    public static string? ProblemWith(int index) => Problem
        ?? (index < Devices.Count ? null : $"the CUDA driver reports {Devices.Count} device(s), so there is no cuda:{index}")
        ?? NvrtcNative.Problem;

    private static unsafe (IReadOnlyList<CudaDeviceInfo>, string?, int) Enumerate()
    {
        if (CudaDriver.Instance is not { } cu)
        {
            return ([], CudaDriver.Problem, 0);
        }

        int version, count;
        cu.Check(cu.DriverGetVersion(&version), "cuDriverGetVersion");
        cu.Check(cu.DeviceGetCount(&count), "cuDeviceGetCount");
        var devices = new List<CudaDeviceInfo>();
        var name = stackalloc byte[256];
        for (var i = 0; i < count; i++)
        {
            int device, sms, major, minor;
            nuint memory;
            cu.Check(cu.DeviceGet(&device, i), "cuDeviceGet");
            cu.Check(cu.DeviceGetName(name, 256, device), "cuDeviceGetName");
            cu.Check(cu.DeviceTotalMem(&memory, device), "cuDeviceTotalMem");
            cu.Check(cu.DeviceGetAttribute(&sms, CudaDriver.AttributeMultiprocessorCount, device), "cuDeviceGetAttribute");
            cu.Check(cu.DeviceGetAttribute(&major, CudaDriver.AttributeComputeCapabilityMajor, device), "cuDeviceGetAttribute");
            cu.Check(cu.DeviceGetAttribute(&minor, CudaDriver.AttributeComputeCapabilityMinor, device), "cuDeviceGetAttribute");
            devices.Add(new CudaDeviceInfo(i, device, System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)name) ?? "?", (long)memory, sms, major, minor));
        }

        return (devices, count == 0 ? "the CUDA driver loaded but reports no GPU (check nvidia-smi)" : null, version);
    }
}
