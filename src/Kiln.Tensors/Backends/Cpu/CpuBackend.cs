namespace Kiln.Tensors.Backends.Cpu;

/// <summary>The CPU backend: managed arrays, SIMD kernels through TensorPrimitives, GEMM through OpenBLAS when present.</summary>
internal sealed partial class CpuBackend : IBackend
{
    private CpuBackend()
    {
    }

    public static CpuBackend Instance { get; } = new();

    public Device Device => Device.Cpu;

    public Storage Allocate(DType dtype, int length) => CpuStorage.Create(dtype, length);

    public Storage Full(DType dtype, int length, double value)
    {
        var s = CpuStorage.Create(dtype, length);
        FillInPlace(s, value);
        return s;
    }

    public Storage Upload(Array host) => host switch
    {
        float[] f => new CpuStorage((float[])f.Clone()),
        long[] l => new CpuStorage((long[])l.Clone()),
        bool[] b => new CpuStorage((bool[])b.Clone()),
        _ => throw new ArgumentException($"Cannot upload a {host.GetType().Name}; use float[], long[] or bool[].", nameof(host)),
    };

    public Array Download(Storage storage) => (Array)CpuStorage.Of(storage).Data.Clone();

    public Storage Cast(Storage x, DType dtype)
    {
        var s = CpuStorage.Of(x);
        var n = s.Length;
        switch (s.DType, dtype)
        {
            case (var a, var b) when a == b:
                return Upload(s.Data);
            case (DType.Float32, DType.Int64):
                {
                    var r = new long[n];
                    for (var i = 0; i < n; i++) { r[i] = (long)s.F[i]; }
                    return new CpuStorage(r);
                }

            case (DType.Float32, DType.Bool):
                {
                    var r = new bool[n];
                    for (var i = 0; i < n; i++) { r[i] = s.F[i] != 0; }
                    return new CpuStorage(r);
                }

            case (DType.Int64, DType.Float32):
                {
                    var r = new float[n];
                    for (var i = 0; i < n; i++) { r[i] = s.L[i]; }
                    return new CpuStorage(r);
                }

            case (DType.Int64, DType.Bool):
                {
                    var r = new bool[n];
                    for (var i = 0; i < n; i++) { r[i] = s.L[i] != 0; }
                    return new CpuStorage(r);
                }

            case (DType.Bool, DType.Float32):
                {
                    var r = new float[n];
                    for (var i = 0; i < n; i++) { r[i] = s.B[i] ? 1f : 0f; }
                    return new CpuStorage(r);
                }

            default:
                {
                    var r = new long[n];
                    for (var i = 0; i < n; i++) { r[i] = s.B[i] ? 1 : 0; }
                    return new CpuStorage(r);
                }
        }
    }

    public void Release(Storage storage)
    {
        if (CpuStorage.Of(storage).Data is float[] buffer)
        {
            FloatPool.Return(buffer);
        }
    }

    public void CopyInto(Storage destination, Storage source) =>
        Array.Copy(CpuStorage.Of(source).Data, CpuStorage.Of(destination).Data, source.Length);

    public void AddScaledInPlace(Storage destination, Storage source, float alpha)
    {
        var d = CpuStorage.Of(destination).F;
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(CpuStorage.Of(source).F, alpha, d, d);
    }

    public void ScaleInPlace(Storage destination, float alpha)
    {
        var d = CpuStorage.Of(destination).F;
        System.Numerics.Tensors.TensorPrimitives.Multiply(d, alpha, d);
    }

    public void AddRowInPlace(Storage destination, Storage row)
    {
        var d = CpuStorage.Of(destination).F;
        var r = CpuStorage.Of(row).F.AsSpan(0, row.Length);
        for (var offset = 0; offset < destination.Length; offset += r.Length)
        {
            var span = d.AsSpan(offset, r.Length);
            System.Numerics.Tensors.TensorPrimitives.Add(span, r, span);
        }
    }

    public void FillInPlace(Storage destination, double value)
    {
        var s = CpuStorage.Of(destination);
        switch (s.DType)
        {
            case DType.Float32: Array.Fill(s.F, (float)value); break;
            case DType.Int64: Array.Fill(s.L, (long)value); break;
            default: Array.Fill(s.B, value != 0); break;
        }
    }
}
