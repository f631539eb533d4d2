using System.Globalization;
using System.Text;
using Kiln.Display;

namespace Kiln.Tensors;

/// <summary>A native library Kiln.Tensors may use, whether it loaded, from where, and what provides it when missing.</summary>
/// <param name="Name">The library file name Kiln asks the loader for, e.g. <c>libOpenCL.so.1</c>.</param>
/// <param name="Purpose">What Kiln uses it for.</param>
/// <param name="Loaded">Whether the dynamic loader found it.</param>
/// <param name="Path">The file it was loaded from, when known.</param>
/// <param name="Fix">The package or step that provides it; null when it loaded.</param>
public sealed record NativeLibraryStatus(string Name, string Purpose, bool Loaded, string? Path, string? Fix);

/// <summary>One accelerator device that a driver reports, usable or not.</summary>
/// <param name="Device">The Kiln device that addresses it, e.g. <c>opencl:0</c>.</param>
/// <param name="Name">The device name the driver reports.</param>
/// <param name="Kind">GPU or CPU.</param>
/// <param name="MemoryBytes">Device (global) memory in bytes.</param>
/// <param name="ComputeUnits">OpenCL compute units or CUDA streaming multiprocessors.</param>
/// <param name="Driver">Platform and driver versions.</param>
/// <param name="GemmPath">How matrix products run there once its backend has started; null before.</param>
public sealed record AcceleratorInfo(Device Device, string Name, string Kind, long MemoryBytes, int ComputeUnits, string Driver, string? GemmPath);

/// <summary>What <c>kiln doctor</c> shows about compute: native libraries, devices, and the device <see cref="Device.Best"/> picks.</summary>
/// <param name="Libraries">Every native library Kiln.Tensors may load.</param>
/// <param name="Devices">Every accelerator device found.</param>
/// <param name="CpuGemm">How the CPU backend multiplies matrices.</param>
/// <param name="Best">The device <see cref="Device.Best"/> returns.</param>
/// <param name="Explanation">The text of <see cref="Device.ExplainBest"/>.</param>
public sealed record DeviceReport(
    IReadOnlyList<NativeLibraryStatus> Libraries, IReadOnlyList<AcceleratorInfo> Devices, string CpuGemm, Device Best, string Explanation) : IDisplayable
{
    /// <summary>The fixes for every missing library, one per line.</summary>
    public IEnumerable<string> Fixes => Libraries.Where(l => l.Fix is not null).Select(l => $"{l.Name}: {l.Fix}");

    /// <summary>Formats the report as plain text for a terminal.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("Native libraries:\n");
        foreach (var l in Libraries)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {(l.Loaded ? "ok     " : "missing")} {l.Name,-20} {l.Purpose}");
            text.Append(l.Loaded ? (l.Path is null ? string.Empty : $" ({l.Path})") : $"\n          fix: {l.Fix}").Append('\n');
        }

        text.Append("Devices:\n");
        foreach (var d in Devices)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {d.Device}: {d.Name} [{d.Kind}], {d.MemoryBytes / (double)(1L << 30):0.#} GiB, {d.ComputeUnits} compute units, {d.Driver}");
            text.Append(d.GemmPath is null ? string.Empty : $"\n    GEMM: {d.GemmPath}").Append('\n');
        }

        if (Devices.Count == 0)
        {
            text.Append("  (no accelerator found)\n");
        }

        text.Append("CPU GEMM: ").Append(CpuGemm).Append('\n');
        text.Append("Best device: ").Append(Best).Append('\n').Append(Explanation);
        return text.ToString();
    }

    /// <summary>Renders the report as plain text.</summary>
    public MimeBundle ToMimeBundle() => MimeBundle.FromText(ToString());
}
