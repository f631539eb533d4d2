using Kiln.Tensors.Backends.Cuda;
using Kiln.Tensors.Backends.OpenCl;

namespace Kiln.Tensors.Backends.Kernels;

/// <summary>Starts the GPU backend for a device on first use, or says what is missing.</summary>
internal static class AcceleratorDiscovery
{
    public static (IBackend? Backend, string? Problem) TryCreate(Device device)
    {
        try
        {
            return device.Type switch
            {
                DeviceType.OpenCl => (OpenClBackend.Create(device.Index), null),
                DeviceType.Cuda => (CudaBackend.Create(device.Index), null),
                _ => (null, "no backend computes on this device type"),
            };
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
            return (null, e is NotSupportedException ? Unwrap(e.Message, device) : e.Message);
        }
    }

    private static string Unwrap(string message, Device device)
    {
        var prefix = $"Device '{device}' is not available: ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..].TrimEnd('.') : message;
    }
}
