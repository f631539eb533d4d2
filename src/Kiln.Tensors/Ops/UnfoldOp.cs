using Kiln.Tensors.Backends;

namespace Kiln.Tensors.Ops;

/// <summary>Forward (im2col) and backward (col2im) of sliding-window unfolding over NCHW images.</summary>
internal static class UnfoldOp
{
    public static Tensor Unfold(Tensor x, (int H, int W) kernel, (int H, int W) stride, (int H, int W) padding, string op)
    {
        var g = Geometry(x, kernel, stride, padding, op);
        return Tensor.FromOp(
            x.Backend.Im2Col(x.Storage, g),
            [g.Batch, g.Rows, g.Cols],
            "Im2ColBackward",
            [x],
            grad => [new Tensor(grad.Backend.Col2Im(grad.Storage, g), x.Dims)]);
    }

    /// <summary>Max pooling of each channel plane: one pass computing values and the argmax positions autograd needs.</summary>
    public static Tensor MaxPool2d(Tensor x, int kernel, int stride, int padding)
    {
        var g = Geometry(x, (kernel, kernel), (stride, stride), (padding, padding), nameof(MaxPool2d));
        var (values, indices) = x.Backend.MaxPool2d(x.Storage, g);
        return Tensor.FromOp(
            values,
            [g.Batch, g.Channels, g.OutH, g.OutW],
            "MaxPool2DBackward",
            [x],
            grad => [new Tensor(grad.Backend.MaxPool2dBackward(grad.Storage, indices, g), x.Dims)]);
    }

    private static ConvGeometry Geometry(Tensor x, (int H, int W) kernel, (int H, int W) stride, (int H, int W) padding, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Float(op, x);
        if (x.Rank != 4)
        {
            throw new ShapeMismatchException($"{op}: input has shape {x.Shape}; expected 4-D [batch, channels, height, width].");
        }

        if (kernel.H <= 0 || kernel.W <= 0 || stride.H <= 0 || stride.W <= 0 || padding.H < 0 || padding.W < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kernel), $"{op}: kernel {kernel} and stride {stride} must be positive and padding {padding} non-negative.");
        }

        var g = new ConvGeometry(x.Dims[0], x.Dims[1], x.Dims[2], x.Dims[3], kernel.H, kernel.W, stride.H, stride.W, padding.H, padding.W);
        if (g.Height + (2 * g.PadH) < g.KernelH || g.Width + (2 * g.PadW) < g.KernelW)
        {
            throw new ShapeMismatchException($"{op}: kernel {kernel.H}x{kernel.W} is larger than the padded input {g.Height + (2 * g.PadH)}x{g.Width + (2 * g.PadW)} of shape {x.Shape}.");
        }

        return g;
    }
}
