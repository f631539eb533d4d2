using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Kiln.Tensors.Backends.Cpu;
using Kiln.Tensors.Backends.Kernels;

namespace Kiln.Tensors.Backends;

/// <summary>Maps devices to the backends that compute on them; the CPU backend is always present, GPU backends start on first use.</summary>
internal static class BackendRegistry
{
    private static readonly ConcurrentDictionary<Device, IBackend> Backends = new()
    {
        [Device.Cpu] = CpuBackend.Instance,
    };

    private static readonly ConcurrentDictionary<Device, Lazy<(IBackend? Backend, string? Problem)>> Discovered = new();

    public static void Register(IBackend backend) => Backends[backend.Device] = backend;

    public static bool TryGet(Device device, [NotNullWhen(true)] out IBackend? backend)
    {
        if (Backends.TryGetValue(device, out backend))
        {
            return true;
        }

        backend = Discover(device).Backend;
        return backend is not null;
    }

    /// <summary>Looks up a backend that is already running, without starting one.</summary>
    public static bool TryGetStarted(Device device, [NotNullWhen(true)] out IBackend? backend) => Backends.TryGetValue(device, out backend);

    public static IBackend Get(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (!TryGet(device, out var backend))
        {
            throw new NotSupportedException($"Device '{device}' is not available: {Problem(device)}.");
        }

        return backend;
    }

    /// <summary>Why <paramref name="device"/> has no backend, or null when it has one.</summary>
    public static string? Problem(Device device) => Backends.ContainsKey(device) ? null : Discover(device).Problem;

    private static (IBackend? Backend, string? Problem) Discover(Device device) =>
        Discovered.GetOrAdd(device, d => new Lazy<(IBackend?, string?)>(() =>
        {
            var (backend, problem) = AcceleratorDiscovery.TryCreate(d);
            if (backend is not null)
            {
                Backends.TryAdd(d, backend);
            }

            return (backend, problem);
        })).Value;
}
