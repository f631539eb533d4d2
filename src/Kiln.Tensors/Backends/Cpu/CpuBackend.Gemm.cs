using Kiln.Tensors.Interop;

namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Batched matrix products, dispatched to OpenBLAS or the managed fallback.</summary>
internal sealed partial class CpuBackend
{
    public Storage MatMul(Storage a, Storage b, int batch, int m, int k, int n, bool transA, bool transB, bool broadcastA, bool broadcastB)
    {
        var fa = CpuStorage.Of(a).F;
        var fb = CpuStorage.Of(b).F;
        var c = CpuStorage.Floats(batch * m * n);
        var native = CpuBlas.UseNative && OpenBlasGemm.IsAvailable;
        for (var i = 0; i < batch; i++)
        {
            var aOff = broadcastA ? 0 : i * m * k;
            var bOff = broadcastB ? 0 : i * k * n;
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
            OpenBlasGemm.Multiply(CpuStorage.Of(a).F, 0, CpuStorage.Of(b).F, 0, CpuStorage.Of(destination).F, 0, m, k, n, transA, transB, accumulate: true);
            return;
        }

        var product = MatMul(a, b, 1, m, k, n, transA, transB, false, false);
        AddScaledInPlace(destination, product, 1f);
        Release(product);
    }
}
