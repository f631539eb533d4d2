namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Image-to-columns unfolding and its adjoint, the building blocks of convolution and pooling.</summary>
internal sealed partial class CpuBackend
{
    public Storage Im2Col(Storage x, ConvGeometry g, float padValue)
    {
        var src = CpuStorage.Of(x).F;
        int rows = g.Rows, cols = g.Cols, oh = g.OutH, ow = g.OutW;
        var dst = CpuStorage.Floats(g.Batch * rows * cols);
        Parallel.For(0, g.Batch * g.Channels, ParallelOptionsFor(dst.Length), nc =>
        {
            var n = nc / g.Channels;
            var c = nc % g.Channels;
            var plane = src.AsSpan(nc * g.Height * g.Width, g.Height * g.Width);
            for (var ki = 0; ki < g.KernelH; ki++)
            {
                for (var kj = 0; kj < g.KernelW; kj++)
                {
                    var row = (((c * g.KernelH) + ki) * g.KernelW) + kj;
                    var d = dst.AsSpan(((n * rows) + row) * cols, cols);
                    for (var y = 0; y < oh; y++)
                    {
                        var iy = (y * g.StrideH) - g.PadH + ki;
                        for (var xo = 0; xo < ow; xo++)
                        {
                            var ix = (xo * g.StrideW) - g.PadW + kj;
                            d[(y * ow) + xo] = iy >= 0 && iy < g.Height && ix >= 0 && ix < g.Width ? plane[(iy * g.Width) + ix] : padValue;
                        }
                    }
                }
            }
        });
        return new CpuStorage(dst);
    }

    public Storage Col2Im(Storage cols, ConvGeometry g)
    {
        var src = CpuStorage.Of(cols).F;
        int rows = g.Rows, ncols = g.Cols, oh = g.OutH, ow = g.OutW;
        var dst = CpuStorage.ZeroedFloats(g.Batch * g.Channels * g.Height * g.Width);
        Parallel.For(0, g.Batch * g.Channels, ParallelOptionsFor(dst.Length), nc =>
        {
            var n = nc / g.Channels;
            var c = nc % g.Channels;
            var plane = dst.AsSpan(nc * g.Height * g.Width, g.Height * g.Width);
            for (var ki = 0; ki < g.KernelH; ki++)
            {
                for (var kj = 0; kj < g.KernelW; kj++)
                {
                    var row = (((c * g.KernelH) + ki) * g.KernelW) + kj;
                    var s = src.AsSpan(((n * rows) + row) * ncols, ncols);
                    for (var y = 0; y < oh; y++)
                    {
                        var iy = (y * g.StrideH) - g.PadH + ki;
                        if (iy < 0 || iy >= g.Height)
                        {
                            continue;
                        }

                        for (var xo = 0; xo < ow; xo++)
                        {
                            var ix = (xo * g.StrideW) - g.PadW + kj;
                            if (ix >= 0 && ix < g.Width)
                            {
                                plane[(iy * g.Width) + ix] += s[(y * ow) + xo];
                            }
                        }
                    }
                }
            }
        });
        return new CpuStorage(dst);
    }

    private static ParallelOptions ParallelOptionsFor(int work) =>
        new() { MaxDegreeOfParallelism = work >= 1 << 16 ? Environment.ProcessorCount : 1 };
}
