namespace Kiln.Tensors.Backends.Kernels;

/// <summary>Reductions, softmax and matrix products.</summary>
internal abstract partial class GpuBackend
{
    /// <summary>Below this many independent outputs a long axis is summed in parallel chunks, then the partial sums.</summary>
    private const int ParallelOutputs = 4096;

    public Storage Reduce(ReduceKind kind, Storage x, int outer, int n, int inner)
    {
        if (kind == ReduceKind.ArgMax)
        {
            var idx = New(DType.Int64, outer * inner);
            Run("argmax", outer * inner, Buf(x), Buf(idx), KernelArg.Int(outer), KernelArg.Int(n), KernelArg.Int(inner));
            return idx;
        }

        if (n == 0)
        {
            return Full(DType.Float32, outer * inner, 0);
        }

        var current = Of(x);
        var len = n;
        while (true)
        {
            var chunk = (outer * inner >= ParallelOutputs || len <= 256) ? len : Math.Max(64, (int)Math.Ceiling(Math.Sqrt(len)));
            var chunks = (len + chunk - 1) / chunk;
            var y = New(DType.Float32, outer * chunks * inner);
            Run("reduce_sum", outer * chunks * inner, Buf(current), Buf(y),
                KernelArg.Int(outer), KernelArg.Int(len), KernelArg.Int(inner), KernelArg.Int(chunk), KernelArg.Int(chunks));
            if (!ReferenceEquals(current, x))
            {
                current.Release();
            }

            if (chunks == 1)
            {
                return y;
            }

            current = y;
            len = chunks;
        }
    }

    public Storage Softmax(Storage x, int outer, int n, int inner, bool log)
    {
        var y = New(DType.Float32, x.Length);
        if (n > 0)
        {
            Run("softmax", outer * inner, Buf(x), Buf(y), KernelArg.Int(outer), KernelArg.Int(n), KernelArg.Int(inner), KernelArg.Int(log ? 1 : 0));
        }

        return y;
    }

    public void MatMulAccumulate(Storage destination, Storage a, Storage b, int m, int k, int n, bool transA, bool transB)
    {
        var product = MatMul(a, b, 1, m, k, n, transA, transB, false, false);
        AddScaledInPlace(destination, product, 1f);
        Release(product);
    }

    public Storage MatMul(Storage a, Storage b, int batch, int m, int k, int n, bool transA, bool transB, bool broadcastA, bool broadcastB)
    {
        if (k == 0)
        {
            return Full(DType.Float32, batch * m * n, 0);
        }

        var c = New(DType.Float32, batch * m * n);
        if (m == 0 || n == 0 || batch == 0)
        {
            return c;
        }

        var call = new GemmCall(Of(a).Handle, Of(b).Handle, c.Handle, batch, m, k, n, transA, transB,
            broadcastA ? 0 : (long)m * k, broadcastB ? 0 : (long)k * n);
        if (!TryVendorGemm(call))
        {
            Run("gemm_naive", batch * m * n, Buf(a), Buf(b), Buf(c), KernelArg.Int(m), KernelArg.Int(k), KernelArg.Int(n),
                KernelArg.Int(transA ? 1 : 0), KernelArg.Int(transB ? 1 : 0), KernelArg.Int((int)call.StrideA), KernelArg.Int((int)call.StrideB),
                KernelArg.Int(batch * m * n));
        }

        return c;
    }
}
