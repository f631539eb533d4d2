using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>A 2-D convolution over NCHW images with square kernels.</summary>
/// <remarks>
/// PyTorch: <c>torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, bias=True)</c> (groups and
/// dilation 1). Weight [out, in, k, k] and bias start uniform in ±1/√(in·k·k), as PyTorch's default initialization.
/// </remarks>
public sealed class Conv2d : Module
{
    /// <summary>Creates the layer with freshly initialized parameters.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        (InChannels, OutChannels, KernelSize, Stride, Padding) = (inChannels, outChannels, kernelSize, stride, padding);
        var fanIn = inChannels * kernelSize * kernelSize;
        RegisterParameter("weight", Init.KaimingUniformDefault(new Shape(outChannels, inChannels, kernelSize, kernelSize), fanIn, generator));
        RegisterParameter("bias", bias ? Init.Uniform(new Shape(outChannels), 1 / Math.Sqrt(fanIn), generator) : null);
    }

    /// <summary>The number of input channels.</summary>
    public int InChannels { get; }

    /// <summary>The number of output channels.</summary>
    public int OutChannels { get; }

    /// <summary>The kernel's height and width.</summary>
    public int KernelSize { get; }

    /// <summary>The step between kernel positions.</summary>
    public int Stride { get; }

    /// <summary>The zero padding on each side.</summary>
    public int Padding { get; }

    /// <summary>The weight, shape [outChannels, inChannels, kernelSize, kernelSize].</summary>
    public Tensor Weight => GetParameter("weight")!;

    /// <summary>The bias, shape [outChannels], or null.</summary>
    public Tensor? Bias => GetParameter("bias");

    /// <summary>Convolves input [N, inChannels, H, W] into [N, outChannels, H′, W′].</summary>
    /// <exception cref="ShapeMismatchException">The input is not 4-D with <see cref="InChannels"/> channels.</exception>
    public override Tensor Forward(Tensor input) =>
        Functional.Conv2d(CheckImage(ToString(), input, InChannels), Weight, Bias, Stride, Padding);

    /// <inheritdoc/>
    protected override string ExtraRepr()
    {
        var text = $"{InChannels}, {OutChannels}, kernel_size=({KernelSize}, {KernelSize}), stride=({Stride}, {Stride})";
        text += Padding != 0 ? $", padding=({Padding}, {Padding})" : string.Empty;
        return Bias is null ? text + ", bias=False" : text;
    }

    internal static Tensor CheckImage(string layer, Tensor input, int? channels)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || (channels is { } c && input.Shape[1] != c))
        {
            var expected = channels is { } ch ? $"[N, {ch}, H, W]" : "[N, C, H, W]";
            throw new ShapeMismatchException($"{layer}: expected input of shape {expected}, got {input.Shape}.");
        }

        return input;
    }
}
