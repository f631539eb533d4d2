using System.Buffers;
using System.Numerics.Tensors;

namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Managed single-precision GEMM vectorized with TensorPrimitives, used when OpenBLAS is missing.</summary>
internal static class ManagedGemm
{
    private const long ParallelThreshold = 1L << 18;

    /// <summary>C[m×n] = op(A) · op(B), row-major, overwriting C.</summary>
    public static void Multiply(
        float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool transA, bool transB)
    {
        float[]? rented = null;
        if (transA)
        {
            // Materialize A as [m, k] so rows are contiguous.
            rented = ArrayPool<float>.Shared.Rent(m * k);
            for (var p = 0; p < k; p++)
            {
                for (var i = 0; i < m; i++)
                {
                    rented[(i * k) + p] = a[aOffset + (p * m) + i];
                }
            }

            a = rented;
            aOffset = 0;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = (long)m * n * k >= ParallelThreshold ? Environment.ProcessorCount : 1 };
        Parallel.For(0, m, options, i =>
        {
            var aRow = a.AsSpan(aOffset + (i * k), k);
            var cRow = c.AsSpan(cOffset + (i * n), n);
            if (transB)
            {
                for (var j = 0; j < n; j++)
                {
                    cRow[j] = TensorPrimitives.Dot(aRow, b.AsSpan(bOffset + (j * k), k));
                }
            }
            else
            {
                cRow.Clear();
                for (var p = 0; p < k; p++)
                {
                    var s = aRow[p];
                    if (s != 0)
                    {
                        TensorPrimitives.MultiplyAdd(b.AsSpan(bOffset + (p * n), n), s, cRow, cRow);
                    }
                }
            }
        });

        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }
}
