namespace Kiln.Tensors.Backends.Cpu;

/// <summary>A run of a managed array (float[], long[] or bool[]) owned by the CPU backend: the whole array, or a view.</summary>
/// <remarks>
/// A view (<see cref="View"/>) reads and writes a contiguous range of another storage's array; it never returns the
/// array to the pool, and the op that makes it marks the viewed storage so it is never recycled (<see cref="Storage.MarkViewed"/>).
/// </remarks>
internal sealed class CpuStorage : Storage
{
    private readonly Array _array;
    private readonly bool _ownsArray = true;

    public CpuStorage(float[] data)
        : base(DType.Float32, data.Length) => _array = data;

    public CpuStorage(long[] data)
        : base(DType.Int64, data.Length) => _array = data;

    public CpuStorage(bool[] data)
        : base(DType.Bool, data.Length) => _array = data;

    private CpuStorage(CpuStorage source, int offset, int length)
        : base(source.DType, length)
    {
        _array = source._array;
        Offset = source.Offset + offset;
        _ownsArray = false;
    }

    /// <summary>Where this storage's first element lies in the underlying array.</summary>
    public int Offset { get; }

    /// <summary>The underlying float array (longer than <see cref="Storage.Length"/> for a view; start at <see cref="Offset"/>).</summary>
    public float[] FloatArray => (float[])_array;

    public Span<float> F => new((float[])_array, Offset, Length);

    public Span<long> L => new((long[])_array, Offset, Length);

    public Span<bool> B => new((bool[])_array, Offset, Length);

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

    /// <summary>A view of <paramref name="length"/> elements from <paramref name="offset"/>, sharing this storage's array.</summary>
    public CpuStorage View(int offset, int length) => new(this, offset, length);

    /// <summary>Copies <paramref name="count"/> elements of any dtype between storages (indices relative to each storage).</summary>
    public void CopyTo(int sourceIndex, CpuStorage destination, int destinationIndex, int count) =>
        Array.Copy(_array, Offset + sourceIndex, destination._array, destination.Offset + destinationIndex, count);

    /// <summary>A new array holding exactly this storage's elements.</summary>
    public Array ToArray() => DType switch
    {
        DType.Float32 => F.ToArray(),
        DType.Int64 => L.ToArray(),
        _ => B.ToArray(),
    };

    /// <summary>The array itself when this storage owns it (for the buffer pool), else null.</summary>
    public float[]? OwnedFloats => _ownsArray && _array is float[] f ? f : null;
}
