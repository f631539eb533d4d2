using System.Globalization;
using System.Text;
using Kiln.Tensors.Backends;
using Kiln.Tensors.Backends.Cuda;
using Kiln.Tensors.Backends.OpenCl;

namespace Kiln.Tensors;

/// <summary>Choosing a device: the accelerators first, the CPU as the fallback.</summary>
public sealed partial class Device
{
    /// <summary>The CUDA device <paramref name="index"/>.</summary>
    /// <remarks>PyTorch: <c>torch.device("cuda", index)</c>. Using it starts the CUDA backend (driver, NVRTC, cuBLAS) on first use.</remarks>
    public static Device Cuda(int index = 0) => new(DeviceType.Cuda, index);

    /// <summary>The OpenCL device <paramref name="index"/>, numbered across all OpenCL platforms in the order the ICD loader lists them.</summary>
    public static Device OpenCl(int index = 0) => new(DeviceType.OpenCl, index);

    /// <summary>Returns the best available device: CUDA, else an OpenCL GPU, else the CPU.</summary>
    /// <remarks>
    /// PyTorch: <c>"cuda" if torch.cuda.is_available() else "cpu"</c>. An OpenCL CPU device (PoCL) is never chosen: the CPU
    /// backend computes on the same cores with less overhead. <see cref="ExplainBest"/> says why.
    /// </remarks>
    public static Device Best() => Candidates().FirstOrDefault(c => c.Problem is null && c.Preferred).Device ?? Cpu;

    /// <summary>Describes, device by device, what <see cref="Best"/> considered and which one it chose.</summary>
    public static string ExplainBest()
    {
        var best = Best();
        var text = new StringBuilder();
        foreach (var (device, problem, preferred, description) in Candidates())
        {
            text.Append(device).Append(": ");
            text.Append(problem is not null ? "not available: " + problem : "available" + (description is null ? string.Empty : $" ({description})"));
            if (problem is null && !preferred)
            {
                text.Append(", not chosen: an OpenCL CPU device computes on the same cores as the CPU backend, with more overhead");
            }

            text.Append(device.Equals(best) ? "  <- chosen" : string.Empty).Append('\n');
        }

        text.Append("cpu: available").Append(best.Equals(Cpu) ? "  <- chosen" : string.Empty);
        return text.ToString();
    }

    private static IEnumerable<(Device Device, string? Problem, bool Preferred, string? Description)> Candidates()
    {
        var cuda = CudaRuntime.Devices;
        if (cuda.Count == 0)
        {
            yield return (Cuda(), CudaRuntime.Problem, true, null);
        }

        foreach (var d in cuda)
        {
            var device = Cuda(d.Ordinal);
            yield return (device, BackendRegistry.Problem(device), true, $"{d.Name}, {Gib(d.TotalMemoryBytes)}, compute capability {d.Major}.{d.Minor}");
        }

        var openCl = OpenClRuntime.Devices;
        if (openCl.Count == 0)
        {
            yield return (OpenCl(), OpenClRuntime.Problem, true, null);
        }

        foreach (var d in openCl)
        {
            var device = OpenCl(d.Ordinal);
            var kind = d.IsGpu ? "GPU" : "CPU";
            yield return (device, d.IsGpu ? BackendRegistry.Problem(device) : null, d.IsGpu, $"{d.PlatformName}: {d.Name}, {kind}, {d.ComputeUnits} compute units");
        }
    }

    private static string Gib(long bytes) => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB";
}
