namespace Kiln.Tensors.Backends.Cuda;

/// <summary>One CUDA device as the driver reports it.</summary>
internal sealed record CudaDeviceInfo(int Ordinal, int Handle, string Name, long TotalMemoryBytes, int Multiprocessors, int Major, int Minor);
