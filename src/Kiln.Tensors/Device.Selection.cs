using System.Text;

namespace Kiln.Tensors;

/// <summary>Choosing a device: the accelerators first, the CPU as the fallback.</summary>
public sealed partial class Device
{
    /// <summary>The CUDA device <paramref name="index"/>.</summary>
    /// <remarks>PyTorch: <c>torch.device("cuda", index)</c>.</remarks>
    public static Device Cuda(int index = 0) => new(DeviceType.Cuda, index);

    /// <summary>The OpenCL device <paramref name="index"/>.</summary>
    public static Device OpenCl(int index = 0) => new(DeviceType.OpenCl, index);

    /// <summary>Returns the best available device: CUDA, else OpenCL, else the CPU.</summary>
    /// <remarks>PyTorch: <c>"cuda" if torch.cuda.is_available() else "cpu"</c>. <see cref="ExplainBest"/> says why.</remarks>
    public static Device Best() => Preference().FirstOrDefault(d => d.IsAvailable) ?? Cpu;

    /// <summary>Describes, device by device, what <see cref="Best"/> considered and which one it chose.</summary>
    public static string ExplainBest()
    {
        var best = Best();
        var text = new StringBuilder();
        foreach (var device in Preference().Append(Cpu))
        {
            var state = device.IsAvailable ? "available" : "not available: no backend for it is registered in this process";
            text.Append(device).Append(": ").Append(state).Append(device.Equals(best) ? "  <- chosen" : string.Empty).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static IEnumerable<Device> Preference() => [Cuda(), OpenCl()];
}
