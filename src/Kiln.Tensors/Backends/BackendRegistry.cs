using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Kiln.Tensors.Backends.Cpu;

namespace Kiln.Tensors.Backends;

/// <summary>Maps devices to the backends that compute on them; the CPU backend is always present.</summary>
internal static class BackendRegistry
{
    private static readonly ConcurrentDictionary<Device, IBackend> Backends = new()
    {
        [Device.Cpu] = CpuBackend.Instance,
    };

    public static void Register(IBackend backend) => Backends[backend.Device] = backend;

    public static bool TryGet(Device device, [NotNullWhen(true)] out IBackend? backend) => Backends.TryGetValue(device, out backend);

    public static IBackend Get(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (!TryGet(device, out var backend))
        {
            throw new NotSupportedException($"No backend is registered for device '{device}'; Kiln.Tensors computes on 'cpu' unless a GPU backend is loaded.");
        }

        return backend;
    }
}
