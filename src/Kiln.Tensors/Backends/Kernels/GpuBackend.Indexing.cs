namespace Kiln.Tensors.Backends.Kernels;

/// <summary>Data movement kernels: permute, slice, concat, index select and gather/scatter.</summary>
internal abstract partial class GpuBackend
{
    public unsafe Storage Permute(Storage x, int[] shape, int[] perm)
    {
        var rank = shape.Length;
        if (rank > StridedDesc.MaxRank)
        {
            return ViaCpu(cpu => cpu.Permute(Host(x), shape, perm));
        }

        Span<int> inStrides = stackalloc int[rank];
        for (int d = rank - 1, s = 1; d >= 0; s *= shape[d], d--)
        {
            inStrides[d] = s;
        }

        Span<int> outShape = stackalloc int[rank];
        Span<int> strides = stackalloc int[rank];
        for (var d = 0; d < rank; d++)
        {
            outShape[d] = shape[perm[d]];
            strides[d] = inStrides[perm[d]];
        }

        var y = New(x.DType, x.Length);
        var desc = StridedDesc.Create(outShape, strides, []);
        Run($"strided_copy_{Suffix(x.DType)}", x.Length, Buf(x), Buf(y), KernelArg.Struct(&desc), KernelArg.Int(x.Length));
        return y;
    }

    public unsafe Storage Slice(Storage x, int outer, int n, int inner, int start, int step, int count)
    {
        var y = New(x.DType, outer * count * inner);
        var desc = StridedDesc.Create([outer, count, inner], [n * inner, step * inner, 1], [], start * inner);
        Run($"strided_copy_{Suffix(x.DType)}", y.Length, Buf(x), Buf(y), KernelArg.Struct(&desc), KernelArg.Int(y.Length));
        return y;
    }

    public unsafe Storage SliceBackward(Storage grad, int outer, int n, int inner, int start, int step, int count)
    {
        var y = Full(DType.Float32, outer * n * inner, 0);
        var desc = StridedDesc.Create([outer, count, inner], [n * inner, step * inner, 1], [], start * inner);
        Run("strided_scatter_f32", grad.Length, Buf(grad), Buf(y), KernelArg.Struct(&desc), KernelArg.Int(grad.Length));
        return y;
    }

    public unsafe Storage Concat(IReadOnlyList<Storage> parts, int outer, int[] sizes, int inner)
    {
        var total = sizes.Sum();
        var y = New(parts[0].DType, outer * total * inner);
        var offset = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            var desc = StridedDesc.Create([outer, sizes[p] * inner], [total * inner, 1], [], offset * inner);
            Run($"strided_scatter_{Suffix(y.DType)}", parts[p].Length, Buf(parts[p]), Buf(y), KernelArg.Struct(&desc), KernelArg.Int(parts[p].Length));
            offset += sizes[p];
        }

        return y;
    }

    public Storage IndexSelect(Storage x, int outer, int n, int inner, Storage index)
    {
        var m = index.Length;
        var y = New(x.DType, outer * m * inner);
        RunChecked(n, $"index_select_{Suffix(x.DType)}", y.Length, Buf(x), Buf(index), Buf(y),
            KernelArg.Int(outer), KernelArg.Int(n), KernelArg.Int(inner), KernelArg.Int(m));

        return y;
    }

    public Storage IndexAdd(Storage grad, int outer, int n, int inner, Storage index)
    {
        var y = New(DType.Float32, outer * n * inner);
        Run("index_add", y.Length, Buf(grad), Buf(index), Buf(y),
            KernelArg.Int(outer), KernelArg.Int(n), KernelArg.Int(inner), KernelArg.Int(index.Length));
        return y;
    }

    public Storage Gather(Storage x, int[] xShape, int dim, Storage index, int[] indexShape)
    {
        if (x.DType != DType.Float32 || !MatchesOutsideDim(xShape, indexShape, dim))
        {
            return ViaCpu(cpu => cpu.Gather(Host(x), xShape, dim, Host(index), indexShape));
        }

        var (_, n, inner) = Ops.Guard.Split(xShape, dim);
        var y = New(DType.Float32, index.Length);
        RunChecked(n, "gather_f32", y.Length, Buf(x), Buf(index), Buf(y),
            KernelArg.Int(n), KernelArg.Int(inner), KernelArg.Int(indexShape[dim]), KernelArg.Int(y.Length));

        return y;
    }

    public Storage ScatterAdd(Storage src, int[] outShape, int dim, Storage index, int[] indexShape)
    {
        if (!MatchesOutsideDim(outShape, indexShape, dim))
        {
            return ViaCpu(cpu => cpu.ScatterAdd(Host(src), outShape, dim, Host(index), indexShape));
        }

        var (outer, n, inner) = Ops.Guard.Split(outShape, dim);
        var y = New(DType.Float32, outer * n * inner);
        Run("scatter_add_f32", y.Length, Buf(src), Buf(index), Buf(y),
            KernelArg.Int(outer), KernelArg.Int(n), KernelArg.Int(inner), KernelArg.Int(indexShape[dim]));
        return y;
    }

    private static bool MatchesOutsideDim(int[] xShape, int[] indexShape, int dim)
    {
        for (var d = 0; d < xShape.Length; d++)
        {
            if (d != dim && xShape[d] != indexShape[d])
            {
                return false;
            }
        }

        return true;
    }
}
