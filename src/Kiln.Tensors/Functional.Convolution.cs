using Kiln.Tensors.Ops;

namespace Kiln.Tensors;

/// <summary>Convolution and pooling over NCHW images (im2col + GEMM).</summary>
public static partial class Functional
{
    /// <summary>Extracts sliding blocks: [N, C, H, W] → [N, C·kH·kW, L] with L the number of block positions.</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.unfold</c> (no dilation).</remarks>
    public static Tensor Unfold(Tensor input, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null, (int Height, int Width)? padding = null) =>
        UnfoldOp.Unfold(input, kernelSize, stride ?? (1, 1), padding ?? (0, 0), nameof(Unfold));

    /// <summary>2-D cross-correlation of [N, C, H, W] input with weight [outChannels, C, kH, kW] plus optional bias [outChannels].</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.conv2d</c> (groups = 1, dilation = 1).</remarks>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank != 4 || input.Rank != 4 || weight.Dims[1] != input.Dims[1])
        {
            throw new ShapeMismatchException("Conv2d", input.Shape, weight.Shape, "do not fit; expected input [N, C, H, W] and weight [outChannels, C, kH, kW].");
        }

        int n = input.Dims[0], outChannels = weight.Dims[0];
        var cols = UnfoldOp.Unfold(input, (weight.Dims[2], weight.Dims[3]), (stride, stride), (padding, padding), nameof(Conv2d));
        int outH = ((input.Dims[2] + (2 * padding) - weight.Dims[2]) / stride) + 1;
        int outW = ((input.Dims[3] + (2 * padding) - weight.Dims[3]) / stride) + 1;
        var y = weight.Reshape(outChannels, -1).MatMul(cols).Reshape(n, outChannels, outH, outW);
        return bias is null ? y : y + bias.Reshape(1, outChannels, 1, 1);
    }

    /// <summary>Takes the maximum over each kernel window; stride defaults to the kernel size and padding is −∞.</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.max_pool2d</c>.</remarks>
    public static Tensor MaxPool2d(Tensor input, int kernelSize, int? stride = null, int padding = 0) =>
        Pool(input, kernelSize, stride ?? kernelSize, padding, max: true);

    /// <summary>Averages each kernel window; stride defaults to the kernel size and zero padding counts toward the average.</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.avg_pool2d</c> (count_include_pad = True).</remarks>
    public static Tensor AvgPool2d(Tensor input, int kernelSize, int? stride = null, int padding = 0) =>
        Pool(input, kernelSize, stride ?? kernelSize, padding, max: false);

    private static Tensor Pool(Tensor input, int kernel, int stride, int padding, bool max)
    {
        ArgumentNullException.ThrowIfNull(input);
        var op = max ? nameof(MaxPool2d) : nameof(AvgPool2d);
        if (input.Rank != 4)
        {
            throw new ShapeMismatchException($"{op}: input has shape {input.Shape}; expected 4-D [batch, channels, height, width].");
        }

        if (padding * 2 > kernel)
        {
            throw new ArgumentOutOfRangeException(nameof(padding), $"{op}: padding {padding} must be at most half the kernel size {kernel}.");
        }

        if (max)
        {
            return UnfoldOp.MaxPool2d(input, kernel, stride, padding);
        }

        int n = input.Dims[0], c = input.Dims[1], h = input.Dims[2], w = input.Dims[3];
        var planes = input.Reshape(n * c, 1, h, w);
        var pooled = UnfoldOp.Unfold(planes, (kernel, kernel), (stride, stride), (padding, padding), op).Mean(1);
        int outH = ((h + (2 * padding) - kernel) / stride) + 1;
        int outW = ((w + (2 * padding) - kernel) / stride) + 1;
        return pooled.Reshape(n, c, outH, outW);
    }
}
