namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Image-to-columns unfolding and its adjoint, the building blocks of convolution and pooling.</summary>
internal sealed partial class CpuBackend
{
    public Storage Im2Col(Storage x, ConvGeometry g)
    {
        var source = CpuStorage.Of(x);
        int rows = g.Rows, cols = g.Cols, oh = g.OutH, ow = g.OutW;
        var dst = CpuStorage.Floats(g.Batch * rows * cols);
        Parallel.For(0, g.Batch * g.Channels, ParallelOptionsFor(dst.Length), nc =>
        {
            var n = nc / g.Channels;
            var c = nc % g.Channels;
            var plane = source.F.Slice(nc * g.Height * g.Width, g.Height * g.Width);
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
                            d[(y * ow) + xo] = iy >= 0 && iy < g.Height && ix >= 0 && ix < g.Width ? plane[(iy * g.Width) + ix] : 0f;
                        }
                    }
                }
            }
        });
        return new CpuStorage(dst);
    }

    public Storage Col2Im(Storage cols, ConvGeometry g)
    {
        var source = CpuStorage.Of(cols);
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
                    var s = source.F.Slice(((n * rows) + row) * ncols, ncols);
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

    public (Storage Values, Storage Indices) MaxPool2d(Storage x, ConvGeometry g)
    {
        var source = CpuStorage.Of(x);
        int oh = g.OutH, ow = g.OutW, planeSize = g.Height * g.Width, outSize = oh * ow;
        var values = CpuStorage.Floats(g.Batch * g.Channels * outSize);
        var indices = GC.AllocateUninitializedArray<long>(values.Length);
        Parallel.For(0, g.Batch * g.Channels, ParallelOptionsFor(values.Length * g.KernelH * g.KernelW), nc =>
        {
            var plane = source.F.Slice(nc * planeSize, planeSize);
            for (var y = 0; y < oh; y++)
            {
                for (var xo = 0; xo < ow; xo++)
                {
                    var best = float.NegativeInfinity;
                    var bestIndex = -1;
                    for (var ki = 0; ki < g.KernelH; ki++)
                    {
                        var iy = (y * g.StrideH) - g.PadH + ki;
                        if (iy < 0 || iy >= g.Height)
                        {
                            continue;
                        }

                        for (var kj = 0; kj < g.KernelW; kj++)
                        {
                            var ix = (xo * g.StrideW) - g.PadW + kj;
                            if (ix < 0 || ix >= g.Width)
                            {
                                continue;
                            }

                            var v = plane[(iy * g.Width) + ix];
                            if (bestIndex < 0 || v > best || float.IsNaN(v))
                            {
                                best = v;
                                bestIndex = (iy * g.Width) + ix;
                                if (float.IsNaN(v))
                                {
                                    ki = g.KernelH;
                                    break;
                                }
                            }
                        }
                    }

                    var o = (nc * outSize) + (y * ow) + xo;
                    values[o] = best;
                    indices[o] = bestIndex;
                }
            }
        });
        return (new CpuStorage(values), new CpuStorage(indices));
    }

    public Storage MaxPool2dBackward(Storage grad, Storage indices, ConvGeometry g)
    {
        var src = CpuStorage.Of(grad).F;
        var idx = CpuStorage.Of(indices).L;
        int planeSize = g.Height * g.Width, outSize = g.OutH * g.OutW;
        var dst = CpuStorage.ZeroedFloats(g.Batch * g.Channels * planeSize);
        for (var nc = 0; nc < g.Batch * g.Channels; nc++)
        {
            var plane = dst.AsSpan(nc * planeSize, planeSize);
            for (var o = 0; o < outSize; o++)
            {
                plane[(int)idx[(nc * outSize) + o]] += src[(nc * outSize) + o];
            }
        }

        return new CpuStorage(dst);
    }

    private static ParallelOptions ParallelOptionsFor(int work) =>
        new() { MaxDegreeOfParallelism = work >= 1 << 16 ? Environment.ProcessorCount : 1 };
}
