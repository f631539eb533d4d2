using Kiln.Tensors.Backends;

namespace Kiln.Tensors;

/// <summary>Where a tensor's storage lives and which backend computes on it.</summary>
/// <remarks>PyTorch: <c>torch.device</c>. Formats as <c>cpu</c> or <c>cuda:0</c>.</remarks>
public sealed partial class Device : IEquatable<Device>
{
    /// <summary>Creates a device of the given type and index.</summary>
    public Device(DeviceType type, int index = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Type = type;
        Index = index;
    }

    /// <summary>The CPU device, always available.</summary>
    public static Device Cpu { get; } = new(DeviceType.Cpu);

    /// <summary>The device type.</summary>
    public DeviceType Type { get; }

    /// <summary>The device ordinal within its type.</summary>
    public int Index { get; }

    /// <summary>Whether a backend for this device is registered and usable.</summary>
    /// <remarks>PyTorch: <c>torch.cuda.is_available()</c> for CUDA devices.</remarks>
    public bool IsAvailable => BackendRegistry.TryGet(this, out _);

    /// <summary>Parses <c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>, <c>opencl:0</c>.</summary>
    /// <exception cref="FormatException">The text names no known device type.</exception>
    public static Device Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.Cpu,
            "cuda" => DeviceType.Cuda,
            "opencl" => DeviceType.OpenCl,
            _ => throw new FormatException($"Unknown device '{text}'; use cpu, cuda[:n] or opencl[:n]."),
        };
        var index = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return type == DeviceType.Cpu ? Cpu : new Device(type, index);
    }

    /// <inheritdoc/>
    public bool Equals(Device? other) => other is not null && other.Type == Type && other.Index == Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Device);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, Index);

    /// <summary>Formats the device as <c>cpu</c> or <c>cuda:0</c>.</summary>
    public override string ToString() => Type switch
    {
        DeviceType.Cpu => "cpu",
        DeviceType.Cuda => $"cuda:{Index}",
        _ => $"opencl:{Index}",
    };
}
