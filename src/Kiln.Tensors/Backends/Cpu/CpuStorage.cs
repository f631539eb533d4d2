namespace Kiln.Tensors.Backends.Cpu;

/// <summary>A managed array (float[], long[] or bool[]) owned by the CPU backend.</summary>
internal sealed class CpuStorage : Storage
{
    public CpuStorage(float[] data)
        : base(DType.Float32, data.Length) => Data = data;

    public CpuStorage(long[] data)
        : base(DType.Int64, data.Length) => Data = data;

    public CpuStorage(bool[] data)
        : base(DType.Bool, data.Length) => Data = data;

    public Array Data { get; }

    public float[] F => (float[])Data;

    public long[] L => (long[])Data;

    public bool[] B => (bool[])Data;

    public override IBackend Backend => CpuBackend.Instance;

    public static CpuStorage Of(Storage storage) => storage as CpuStorage
        ?? throw new InvalidOperationException($"The CPU backend was handed a {storage.Backend.Device} buffer; move the tensor with .To(Device.Cpu) first.");

    /// <summary>A storage whose every element the caller overwrites, so the array skips zeroing.</summary>
    public static CpuStorage Uninitialized(DType dtype, int length) => dtype switch
    {
        DType.Float32 => new CpuStorage(FloatPool.Rent(length)),
        DType.Int64 => new CpuStorage(GC.AllocateUninitializedArray<long>(length)),
        _ => new CpuStorage(GC.AllocateUninitializedArray<bool>(length)),
    };

    /// <summary>A float buffer whose every element the caller overwrites (possibly recycled, so not zeroed).</summary>
    public static float[] Floats(int length) => FloatPool.Rent(length);

    /// <summary>A zero-filled float buffer (possibly recycled).</summary>
    public static float[] ZeroedFloats(int length)
    {
        var buffer = FloatPool.Rent(length);
        Array.Clear(buffer);
        return buffer;
    }

    public static CpuStorage Create(DType dtype, int length) => dtype switch
    {
        DType.Float32 => new CpuStorage(ZeroedFloats(length)),
        DType.Int64 => new CpuStorage(new long[length]),
        _ => new CpuStorage(new bool[length]),
    };
}
