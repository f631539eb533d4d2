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

    public Array Download(Storage storage) => CpuStorage.Of(storage).ToArray();

    public Storage Cast(Storage x, DType dtype)
    {
        var s = CpuStorage.Of(x);
        var n = s.Length;
        switch (s.DType, dtype)
        {
            case (var a, var b) when a == b:
                return Upload(s.ToArray());
            case (DType.Float32, DType.Int64):
                {
                    var r = new long[n];
                    var src = s.F;
                    for (var i = 0; i < n; i++) { r[i] = (long)src[i]; }
                    return new CpuStorage(r);
                }

            case (DType.Float32, DType.Bool):
                {
                    var r = new bool[n];
                    var src = s.F;
                    for (var i = 0; i < n; i++) { r[i] = src[i] != 0; }
                    return new CpuStorage(r);
                }

            case (DType.Int64, DType.Float32):
                {
                    var r = new float[n];
                    var src = s.L;
                    for (var i = 0; i < n; i++) { r[i] = src[i]; }
                    return new CpuStorage(r);
                }

            case (DType.Int64, DType.Bool):
                {
                    var r = new bool[n];
                    var src = s.L;
                    for (var i = 0; i < n; i++) { r[i] = src[i] != 0; }
                    return new CpuStorage(r);
                }

            case (DType.Bool, DType.Float32):
                {
                    var r = new float[n];
                    var src = s.B;
                    for (var i = 0; i < n; i++) { r[i] = src[i] ? 1f : 0f; }
                    return new CpuStorage(r);
                }

            default:
                {
                    var r = new long[n];
                    var src = s.B;
                    for (var i = 0; i < n; i++) { r[i] = src[i] ? 1 : 0; }
                    return new CpuStorage(r);
                }
        }
    }

    public void Release(Storage storage)
    {
        if (CpuStorage.Of(storage).OwnedFloats is { } buffer)
        {
            FloatPool.Return(buffer);
        }
    }

    public void CopyInto(Storage destination, Storage source) =>
        CpuStorage.Of(source).CopyTo(0, CpuStorage.Of(destination), 0, source.Length);

    public Storage? ViewOf(Storage x, int offset, int length) => CpuStorage.Of(x).View(offset, length);

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
        Span<float> r = CpuStorage.Of(row).F;
        for (var offset = 0; offset < destination.Length; offset += r.Length)
        {
            var span = d.Slice(offset, r.Length);
            System.Numerics.Tensors.TensorPrimitives.Add(span, r, span);
        }
    }

    public void FillInPlace(Storage destination, double value)
    {
        var s = CpuStorage.Of(destination);
        switch (s.DType)
        {
            case DType.Float32: s.F.Fill((float)value); break;
            case DType.Int64: s.L.Fill((long)value); break;
            default: s.B.Fill(value != 0); break;
        }
    }
}
