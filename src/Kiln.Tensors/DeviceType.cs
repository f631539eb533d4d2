namespace Kiln.Tensors;

/// <summary>The kind of hardware a tensor lives on.</summary>
/// <remarks>PyTorch: the type part of <c>torch.device</c>.</remarks>
public enum DeviceType
{
    /// <summary>Main memory, computed by the CPU backend.</summary>
    Cpu,

    /// <summary>An OpenCL device.</summary>
    OpenCl,

    /// <summary>An NVIDIA CUDA device.</summary>
    Cuda,
}
