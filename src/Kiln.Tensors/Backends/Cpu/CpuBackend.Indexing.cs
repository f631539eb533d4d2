namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Data movement kernels: permute, slice, concat, index select and gather/scatter.</summary>
internal sealed partial class CpuBackend
{
    public Storage Permute(Storage x, int[] shape, int[] perm)
    {
        var src = CpuStorage.Of(x);
        var rank = shape.Length;
        var inStrides = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; s *= shape[d], d--) { inStrides[d] = s; }
        var outShape = new int[rank];
        var strides = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            outShape[d] = shape[perm[d]];
            strides[d] = inStrides[perm[d]];
        }

        var dst = CpuStorage.Uninitialized(src.DType, src.Length);
        BroadcastIndexer.ForEachRow(outShape, strides, strides, (o, xo, _) =>
        {
            var len = rank == 0 ? 1 : outShape[^1];
            var step = rank == 0 ? 0 : strides[^1];
            if (src.DType == DType.Float32)
            {
                var f = src.F;
                var df = dst.F;
                for (var i = 0; i < len; i++) { df[o + i] = f[xo + (i * step)]; }
            }
            else
            {
                for (var i = 0; i < len; i++) { src.CopyTo(xo + (i * step), dst, o + i, 1); }
            }
        });
        return dst;
    }

    public Storage Slice(Storage x, int outer, int n, int inner, int start, int step, int count)
    {
        var src = CpuStorage.Of(x);
        var dst = CpuStorage.Uninitialized(src.DType, outer * count * inner);
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < count; j++)
            {
                src.CopyTo(((o * n) + start + (j * step)) * inner, dst, ((o * count) + j) * inner, inner);
            }
        }

        return dst;
    }

    public Storage SliceBackward(Storage grad, int outer, int n, int inner, int start, int step, int count)
    {
        var g = CpuStorage.Of(grad).F;
        var dst = CpuStorage.ZeroedFloats(outer * n * inner);
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < count; j++)
            {
                var d = dst.AsSpan(((o * n) + start + (j * step)) * inner, inner);
                System.Numerics.Tensors.TensorPrimitives.Add(d, g.Slice(((o * count) + j) * inner, inner), d);
            }
        }

        return new CpuStorage(dst);
    }

    public Storage Concat(IReadOnlyList<Storage> parts, int outer, int[] sizes, int inner)
    {
        var total = sizes.Sum();
        var dst = CpuStorage.Uninitialized(parts[0].DType, outer * total * inner);
        var offset = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            var src = CpuStorage.Of(parts[p]);
            var block = sizes[p] * inner;
            for (var o = 0; o < outer; o++)
            {
                src.CopyTo(o * block, dst, ((o * total) + offset) * inner, block);
            }

            offset += sizes[p];
        }

        return dst;
    }

    public Storage IndexSelect(Storage x, int outer, int n, int inner, Storage index)
    {
        var src = CpuStorage.Of(x);
        var idx = CpuStorage.Of(index).L;
        var m = idx.Length;
        var dst = CpuStorage.Uninitialized(src.DType, outer * m * inner);
        for (var j = 0; j < m; j++)
        {
            var k = CheckIndex(idx[j], n);
            for (var o = 0; o < outer; o++)
            {
                src.CopyTo(((o * n) + k) * inner, dst, ((o * m) + j) * inner, inner);
            }
        }

        return dst;
    }

    public Storage IndexAdd(Storage grad, int outer, int n, int inner, Storage index)
    {
        var g = CpuStorage.Of(grad).F;
        var idx = CpuStorage.Of(index).L;
        var m = idx.Length;
        var dst = CpuStorage.ZeroedFloats(outer * n * inner);
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < m; j++)
            {
                var d = dst.AsSpan(((o * n) + (int)idx[j]) * inner, inner);
                System.Numerics.Tensors.TensorPrimitives.Add(d, g.Slice(((o * m) + j) * inner, inner), d);
            }
        }

        return new CpuStorage(dst);
    }

    public Storage Gather(Storage x, int[] xShape, int dim, Storage index, int[] indexShape)
    {
        var src = CpuStorage.Of(x);
        var idx = CpuStorage.Of(index).L;
        var dst = CpuStorage.Uninitialized(src.DType, idx.Length);
        if (src.DType == DType.Float32 && MatchesOutsideDim(xShape, indexShape, dim))
        {
            var f = src.F;
            var (outer, n, inner) = Ops.Guard.Split(xShape, dim);
            var m = indexShape[dim];
            var d = dst.F;
            for (var i = 0; i < idx.Length; i++)
            {
                var o = i / (m * inner);
                d[i] = f[(((o * n) + CheckIndex(idx[i], n)) * inner) + (i % inner)];
            }

            return dst;
        }

        ForEachGatherPair(xShape, dim, idx, indexShape, (i, xo) => src.CopyTo(xo, dst, i, 1));
        return dst;
    }

    public Storage ScatterAdd(Storage src, int[] outShape, int dim, Storage index, int[] indexShape)
    {
        var source = CpuStorage.Of(src);
        var s = source.F;
        var idx = CpuStorage.Of(index).L;
        var dst = CpuStorage.ZeroedFloats(Shape.ElementCountOf(outShape));
        if (MatchesOutsideDim(outShape, indexShape, dim))
        {
            var (_, n, inner) = Ops.Guard.Split(outShape, dim);
            var m = indexShape[dim];
            for (var i = 0; i < idx.Length; i++)
            {
                var o = i / (m * inner);
                dst[(((o * n) + CheckIndex(idx[i], n)) * inner) + (i % inner)] += s[i];
            }

            return new CpuStorage(dst);
        }

        ForEachGatherPair(outShape, dim, idx, indexShape, (i, xo) => dst[xo] += source.F[i]);
        return new CpuStorage(dst);
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

    private static int CheckIndex(long k, int n) => k >= 0 && k < n
        ? (int)k
        : throw new IndexOutOfRangeException($"Index {k} is out of range for a dimension of size {n}; indices must lie in 0..{n - 1}.");

    /// <summary>For each index element i (row-major over indexShape), the offset into the indexed tensor.</summary>
    private static void ForEachGatherPair(int[] xShape, int dim, ReadOnlySpan<long> idx, int[] indexShape, Action<int, int> action)
    {
        var rank = xShape.Length;
        var xStrides = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; s *= xShape[d], d--) { xStrides[d] = s; }
        var counter = new int[rank];
        for (var i = 0; i < idx.Length; i++)
        {
            var offset = 0;
            for (var d = 0; d < rank; d++)
            {
                offset += (d == dim ? CheckIndex(idx[i], xShape[dim]) : counter[d]) * xStrides[d];
            }

            action(i, offset);
            for (var d = rank - 1; d >= 0; d--)
            {
                if (++counter[d] < indexShape[d])
                {
                    break;
                }

                counter[d] = 0;
            }
        }
    }
}
