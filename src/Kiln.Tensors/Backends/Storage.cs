namespace Kiln.Tensors.Backends;

/// <summary>A flat, contiguous buffer of elements owned by one backend.</summary>
internal abstract class Storage
{
    protected Storage(DType dtype, int length)
    {
        DType = dtype;
        Length = length;
    }

    /// <summary>The element type.</summary>
    public DType DType { get; }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The backend that owns this buffer.</summary>
    public abstract IBackend Backend { get; }
}
