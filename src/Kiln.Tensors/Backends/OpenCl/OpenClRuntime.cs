using System.Runtime.InteropServices;
using Kiln.Tensors.Interop;

namespace Kiln.Tensors.Backends.OpenCl;

/// <summary>Finds the OpenCL runtime and its devices once per process, remembering why when there are none.</summary>
internal static class OpenClRuntime
{
    /// <summary>The fix to show when the ICD loader itself is missing.</summary>
    public const string LoaderMissing = $"{OpenClNative.Library} not found: apt-get install ocl-icd-libopencl1 pocl-opencl-icd (or your GPU vendor's OpenCL driver)";

    private static readonly Lazy<(IReadOnlyList<OpenClDeviceInfo> Devices, string? Problem)> Probe = new(Enumerate);

    /// <summary>Every OpenCL device across all platforms, in platform order.</summary>
    public static IReadOnlyList<OpenClDeviceInfo> Devices => Probe.Value.Devices;

    /// <summary>Why no OpenCL device can be used, or null when some can.</summary>
    public static string? Problem => Probe.Value.Problem;

    /// <summary>Whether the ICD loader library could be loaded.</summary>
    public static bool LoaderPresent => NativeLibrary.TryLoad(OpenClNative.Library, typeof(OpenClRuntime).Assembly, null, out _);

    /// <summary>Why <c>opencl:<paramref name="index"/></c> cannot be used, or null when it can.</summary>
    public static string? ProblemWith(int index) => Problem
        ?? (index < Devices.Count ? null : $"OpenCL reports {Devices.Count} device(s), so there is no opencl:{index}");

    private static unsafe (IReadOnlyList<OpenClDeviceInfo>, string?) Enumerate()
    {
        if (!LoaderPresent)
        {
            return ([], LoaderMissing);
        }

        uint count;
        var status = OpenClNative.GetPlatformIds(0, null, &count);
        if (status == OpenClNative.PlatformNotFoundKhr || (status == OpenClNative.Success && count == 0))
        {
            return ([], "the OpenCL loader found no platform (no ICD in /etc/OpenCL/vendors): apt-get install pocl-opencl-icd, or your GPU vendor's OpenCL ICD");
        }

        if (status != OpenClNative.Success)
        {
            return ([], $"clGetPlatformIDs failed with error {status} ({OpenClNative.Describe(status)})");
        }

        var platforms = new nint[count];
        fixed (nint* p = platforms)
        {
            OpenClNative.Check(OpenClNative.GetPlatformIds(count, p, null), "clGetPlatformIDs");
        }

        var devices = new List<OpenClDeviceInfo>();
        foreach (var platform in platforms)
        {
            uint n;
            if (OpenClNative.GetDeviceIds(platform, OpenClNative.DeviceTypeAll, 0, null, &n) != OpenClNative.Success || n == 0)
            {
                continue;
            }

            var handles = new nint[n];
            fixed (nint* h = handles)
            {
                OpenClNative.Check(OpenClNative.GetDeviceIds(platform, OpenClNative.DeviceTypeAll, n, h, null), "clGetDeviceIDs");
            }

            foreach (var device in handles)
            {
                devices.Add(new OpenClDeviceInfo(
                    devices.Count,
                    platform,
                    device,
                    OpenClNative.PlatformString(platform, OpenClNative.PlatformName),
                    OpenClNative.PlatformString(platform, OpenClNative.PlatformVersion),
                    OpenClNative.DeviceString(device, OpenClNative.DeviceName),
                    OpenClNative.DeviceString(device, OpenClNative.DeviceVendor),
                    OpenClNative.DeviceString(device, OpenClNative.DriverVersion),
                    OpenClNative.DeviceString(device, OpenClNative.DeviceVersion),
                    (OpenClNative.DeviceValue<ulong>(device, OpenClNative.DeviceType) & OpenClNative.DeviceTypeGpu) != 0,
                    (long)OpenClNative.DeviceValue<ulong>(device, OpenClNative.DeviceGlobalMemSize),
                    (int)OpenClNative.DeviceValue<uint>(device, OpenClNative.DeviceMaxComputeUnits)));
            }
        }

        return devices.Count == 0
            ? ([], "OpenCL platforms are registered but report no devices: check the vendor driver, or apt-get install pocl-opencl-icd")
            : (devices, null);
    }
}
