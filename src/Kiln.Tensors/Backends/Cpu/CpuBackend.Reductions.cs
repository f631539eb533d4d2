using System.Numerics.Tensors;

namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Reductions and softmax along one axis of an (outer, n, inner) view.</summary>
internal sealed partial class CpuBackend
{
    public Storage Reduce(ReduceKind kind, Storage x, int outer, int n, int inner)
    {
        var src = CpuStorage.Of(x).F;
        if (kind == ReduceKind.ArgMax)
        {
            var idx = new long[outer * inner];
            for (var o = 0; o < outer; o++)
            {
                if (inner == 1)
                {
                    idx[o] = TensorPrimitives.IndexOfMax(src.Slice(o * n, n));
                    continue;
                }

                // Walk rows in memory order, keeping the running maximum of each column.
                var best = src.Slice(o * n * inner, inner).ToArray();
                var bestIndex = idx.AsSpan(o * inner, inner);
                bestIndex.Clear();
                for (var j = 1; j < n; j++)
                {
                    var row = src.Slice(((o * n) + j) * inner, inner);
                    for (var i = 0; i < inner; i++)
                    {
                        var v = row[i];
                        if (v > best[i] || (float.IsNaN(v) && !float.IsNaN(best[i])))
                        {
                            best[i] = v;
                            bestIndex[i] = j;
                        }
                    }
                }
            }

            return new CpuStorage(idx);
        }

        var dst = CpuStorage.Floats(outer * inner);
        if (n == 0)
        {
            Array.Clear(dst);
            return new CpuStorage(dst);
        }

        for (var o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                var row = src.Slice(o * n, n);
                dst[o] = TensorPrimitives.Sum(row);
                continue;
            }

            var acc = dst.AsSpan(o * inner, inner);
            src.Slice(o * n * inner, inner).CopyTo(acc);
            for (var j = 1; j < n; j++)
            {
                TensorPrimitives.Add(acc, src.Slice(((o * n) + j) * inner, inner), acc);
            }
        }

        return new CpuStorage(dst);
    }

    public Storage Softmax(Storage x, int outer, int n, int inner, bool log)
    {
        var src = CpuStorage.Of(x).F;
        var dst = CpuStorage.Floats(src.Length);
        var column = inner == 1 ? [] : new float[n];
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var baseOffset = (o * n * inner) + i;
                Span<float> row;
                if (inner == 1)
                {
                    row = dst.AsSpan(o * n, n);
                    src.Slice(o * n, n).CopyTo(row);
                }
                else
                {
                    row = column;
                    for (var j = 0; j < n; j++) { row[j] = src[baseOffset + (j * inner)]; }
                }

                SoftmaxRow(row, log);
                if (inner != 1)
                {
                    for (var j = 0; j < n; j++) { dst[baseOffset + (j * inner)] = row[j]; }
                }
            }
        }

        return new CpuStorage(dst);
    }

    private static void SoftmaxRow(Span<float> row, bool log)
    {
        var max = TensorPrimitives.Max(row);
        TensorPrimitives.Subtract(row, max, row);
        if (log)
        {
            var buffer = System.Buffers.ArrayPool<float>.Shared.Rent(row.Length);
            var exp = buffer.AsSpan(0, row.Length);
            TensorPrimitives.Exp(row, exp);
            var sum = TensorPrimitives.Sum(exp);
            System.Buffers.ArrayPool<float>.Shared.Return(buffer);
            TensorPrimitives.Subtract(row, MathF.Log(sum), row);
        }
        else
        {
            TensorPrimitives.Exp(row, row);
            TensorPrimitives.Divide(row, TensorPrimitives.Sum(row), row);
        }
    }
}
