namespace Kiln.Tensors.Backends.OpenCl;

/// <summary>One OpenCL device as the ICD loader reports it; <see cref="Ordinal"/> is its index in <c>opencl:N</c>.</summary>
internal sealed record OpenClDeviceInfo(
    int Ordinal,
    nint Platform,
    nint Handle,
    string PlatformName,
    string PlatformVersion,
    string Name,
    string Vendor,
    string DriverVersion,
    string DeviceVersion,
    bool IsGpu,
    long GlobalMemoryBytes,
    int ComputeUnits);
