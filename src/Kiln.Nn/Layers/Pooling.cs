using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Max pooling over square windows of NCHW images.</summary>
/// <remarks>PyTorch: <c>torch.nn.MaxPool2d(kernel_size, stride=kernel_size, padding=0)</c>.</remarks>
public sealed class MaxPool2d(int kernelSize, int? stride = null, int padding = 0) : Module
{
    /// <summary>The window size.</summary>
    public int KernelSize { get; } = kernelSize;

    /// <summary>The step between windows.</summary>
    public int Stride { get; } = stride ?? kernelSize;

    /// <summary>The implicit −∞ padding on each side.</summary>
    public int Padding { get; } = padding;

    /// <summary>Takes the maximum of each window of input [N, C, H, W].</summary>
    public override Tensor Forward(Tensor input) =>
        Functional.MaxPool2d(Conv2d.CheckImage(nameof(MaxPool2d), input, null), KernelSize, Stride, Padding);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"kernel_size={KernelSize}, stride={Stride}, padding={Padding}, dilation=1, ceil_mode=False";
}

/// <summary>Average pooling over square windows of NCHW images.</summary>
/// <remarks>PyTorch: <c>torch.nn.AvgPool2d(kernel_size, stride=kernel_size, padding=0)</c> (count_include_pad=True).</remarks>
public sealed class AvgPool2d(int kernelSize, int? stride = null, int padding = 0) : Module
{
    /// <summary>The window size.</summary>
    public int KernelSize { get; } = kernelSize;

    /// <summary>The step between windows.</summary>
    public int Stride { get; } = stride ?? kernelSize;

    /// <summary>The implicit zero padding on each side.</summary>
    public int Padding { get; } = padding;

    /// <summary>Averages each window of input [N, C, H, W].</summary>
    public override Tensor Forward(Tensor input) =>
        Functional.AvgPool2d(Conv2d.CheckImage(nameof(AvgPool2d), input, null), KernelSize, Stride, Padding);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"kernel_size={KernelSize}, stride={Stride}, padding={Padding}";
}
