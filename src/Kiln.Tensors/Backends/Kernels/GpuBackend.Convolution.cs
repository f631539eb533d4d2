namespace Kiln.Tensors.Backends.Kernels;

/// <summary>Image-to-columns unfolding, its adjoint, and max pooling.</summary>
internal abstract partial class GpuBackend
{
    public unsafe Storage Im2Col(Storage x, ConvGeometry g)
    {
        var y = New(DType.Float32, g.Batch * g.Rows * g.Cols);
        var d = ConvDesc.From(g);
        Run("im2col", y.Length, Buf(x), Buf(y), KernelArg.Struct(&d), KernelArg.Int(y.Length));
        return y;
    }

    public unsafe Storage Col2Im(Storage cols, ConvGeometry g)
    {
        var y = New(DType.Float32, g.Batch * g.Channels * g.Height * g.Width);
        var d = ConvDesc.From(g);
        Run("col2im", y.Length, Buf(cols), Buf(y), KernelArg.Struct(&d), KernelArg.Int(y.Length));
        return y;
    }

    public unsafe (Storage Values, Storage Indices) MaxPool2d(Storage x, ConvGeometry g)
    {
        var count = g.Batch * g.Channels * g.OutH * g.OutW;
        var values = New(DType.Float32, count);
        var indices = New(DType.Int64, count);
        var d = ConvDesc.From(g);
        Run("max_pool2d", count, Buf(x), Buf(values), Buf(indices), KernelArg.Struct(&d), KernelArg.Int(count));
        return (values, indices);
    }

    public unsafe Storage MaxPool2dBackward(Storage grad, Storage indices, ConvGeometry g)
    {
        var y = New(DType.Float32, g.Batch * g.Channels * g.Height * g.Width);
        var d = ConvDesc.From(g);
        Run("max_pool2d_backward", y.Length, Buf(grad), Buf(indices), Buf(y), KernelArg.Struct(&d), KernelArg.Int(y.Length));
        return y;
    }
}
