using System.Runtime.InteropServices;
using Kiln.Tensors.Backends;
using Kiln.Tensors.Backends.Cuda;
using Kiln.Tensors.Backends.Kernels;
using Kiln.Tensors.Backends.OpenCl;
using Kiln.Tensors.Interop;

namespace Kiln.Tensors;

/// <summary>Inspects the compute stack for <c>kiln doctor</c>: native libraries, drivers, devices and the device Kiln would pick.</summary>
public static class DeviceDiagnostics
{
    /// <summary>Probes every native library and device and returns the findings; only the backend <see cref="Device.Best"/> would pick is started.</summary>
    /// <remarks>PyTorch: <c>python -m torch.utils.collect_env</c>.</remarks>
    public static DeviceReport Report()
    {
        var libraries = new List<NativeLibraryStatus>
        {
            Probe([NativeMethods.OpenBlasLibrary], "CPU GEMM (cblas_sgemm)", "apt-get install libopenblas0-pthread"),
            Probe([OpenClNative.Library], "OpenCL ICD loader", "apt-get install ocl-icd-libopencl1 pocl-opencl-icd"),
            Probe(["libpocl.so.2"], "PoCL, the portable OpenCL driver for CPUs", "apt-get install pocl-opencl-icd (optional: any vendor OpenCL ICD works)"),
            Probe([ClBlastNative.Library], "OpenCL GEMM (CLBlastSgemm)", "apt-get install libclblast1"),
            Probe([CudaDriver.Library], "CUDA driver API", "install the NVIDIA driver (Debian non-free: apt-get install nvidia-driver; containers: the NVIDIA container toolkit)"),
            Probe(NvrtcNative.Candidates, "CUDA kernel compiler (NVRTC)", "install NVRTC: apt-get install cuda-nvrtc-12-x (NVIDIA repository) or libnvrtc11.2 (Debian non-free)"),
            Probe(CuBlasNative.Candidates, "CUDA GEMM (cuBLAS)", "install cuBLAS: apt-get install libcublas-12-x (NVIDIA repository) or libcublas11 (Debian non-free)"),
        };
        var devices = new List<AcceleratorInfo>();
        foreach (var d in CudaRuntime.Devices)
        {
            var device = Device.Cuda(d.Ordinal);
            devices.Add(new AcceleratorInfo(device, d.Name, "GPU", d.TotalMemoryBytes, d.Multiprocessors,
                $"CUDA driver {CudaRuntime.DriverVersion}, compute capability {d.Major}.{d.Minor}, NVRTC {NvrtcNative.Instance?.Version ?? "missing"}", GemmPath(device)));
        }

        foreach (var d in OpenClRuntime.Devices)
        {
            var device = Device.OpenCl(d.Ordinal);
            devices.Add(new AcceleratorInfo(device, d.Name, d.IsGpu ? "GPU" : "CPU", d.GlobalMemoryBytes, d.ComputeUnits,
                $"{d.PlatformName} ({d.PlatformVersion}), driver {d.DriverVersion}, {d.DeviceVersion}", GemmPath(device)));
        }

        return new DeviceReport(libraries, devices, CpuBlas.Describe(), Device.Best(), Device.ExplainBest());
    }

    private static string? GemmPath(Device device) =>
        BackendRegistry.TryGetStarted(device, out var backend) && backend is GpuBackend gpu ? gpu.GemmPath : null;

    private static NativeLibraryStatus Probe(string[] names, string purpose, string fix)
    {
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, typeof(DeviceDiagnostics).Assembly, null, out _))
            {
                return new NativeLibraryStatus(name, purpose, true, LoadedPath(name), null);
            }
        }

        return new NativeLibraryStatus(names[0], purpose, false, null, fix);
    }

    /// <summary>The file a loaded library came from, read from the process's memory map (Linux only).</summary>
    private static string? LoadedPath(string name)
    {
        const string Maps = "/proc/self/maps";
        if (!File.Exists(Maps))
        {
            return null;
        }

        // The map names the resolved file (libopenblas.so.0 -> libopenblasp-r0.3.21.so), so match the stem, preferring "<stem>.so".
        var stem = name.Split(".so")[0];
        var paths = File.ReadLines(Maps)
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var i and >= 0 ? line[i..] : null)
            .OfType<string>()
            .Distinct()
            .ToList();
        return paths.FirstOrDefault(p => Path.GetFileName(p).StartsWith(stem + ".so", StringComparison.Ordinal))
            ?? paths.FirstOrDefault(p => Path.GetFileName(p).StartsWith(stem, StringComparison.Ordinal));
    }
}
