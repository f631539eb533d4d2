using Kiln.Tensors.Interop;

namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Batched matrix products, dispatched to OpenBLAS or the managed fallback.</summary>
internal sealed partial class CpuBackend
{
    public Storage MatMul(Storage a, Storage b, int batch, int m, int k, int n, bool transA, bool transB, bool broadcastA, bool broadcastB)
    {
        var (sa, sb) = (CpuStorage.Of(a), CpuStorage.Of(b));
        var (fa, fb) = (sa.FloatArray, sb.FloatArray);
        var c = CpuStorage.Floats(batch * m * n);
        var native = CpuBlas.UseNative && OpenBlasGemm.IsAvailable;
        for (var i = 0; i < batch; i++)
        {
            var aOff = sa.Offset + (broadcastA ? 0 : i * m * k);
            var bOff = sb.Offset + (broadcastB ? 0 : i * k * n);
            if (native)
            {
                OpenBlasGemm.Multiply(fa, aOff, fb, bOff, c, i * m * n, m, k, n, transA, transB);
            }
            else
            {
                ManagedGemm.Multiply(fa, aOff, fb, bOff, c, i * m * n, m, k, n, transA, transB);
            }
        }

        return new CpuStorage(c);
    }

    public void MatMulAccumulate(Storage destination, Storage a, Storage b, int m, int k, int n, bool transA, bool transB)
    {
        if (CpuBlas.UseNative && OpenBlasGemm.IsAvailable)
        {
            var (sa, sb, sd) = (CpuStorage.Of(a), CpuStorage.Of(b), CpuStorage.Of(destination));
            OpenBlasGemm.Multiply(sa.FloatArray, sa.Offset, sb.FloatArray, sb.Offset, sd.FloatArray, sd.Offset, m, k, n, transA, transB, accumulate: true);
            return;
        }

        var product = MatMul(a, b, 1, m, k, n, transA, transB, false, false);
        AddScaledInPlace(destination, product, 1f);
        Release(product);
    }
}
