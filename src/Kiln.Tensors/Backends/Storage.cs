namespace Kiln.Tensors.Backends;

/// <summary>A flat, contiguous buffer of elements owned by one backend.</summary>
internal abstract class Storage
{
    private int _tensorCount;
    private int _recycled;
    private int _viewed;

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

    /// <summary>How many tensors were ever created over this buffer: more than one means a view shares it.</summary>
    public int TensorCount => Volatile.Read(ref _tensorCount);

    /// <summary>
    /// Set on the output of a layer that only the autograd graph can see (an intermediate inside a chain of modules):
    /// once a backward pass frees the graph, the buffer goes back to its backend.
    /// </summary>
    public bool OwnedByGraph { get; set; }

    /// <summary>Counts one more tensor wrapping this buffer.</summary>
    public void AddTensor() => Interlocked.Increment(ref _tensorCount);

    /// <summary>Whether this storage reads part of another storage's memory (made by <see cref="MarkAsView"/>).</summary>
    public bool IsView { get; private set; }

    /// <summary>Records that a view reads this buffer, so it is never recycled.</summary>
    public void MarkViewed() => Volatile.Write(ref _viewed, 1);

    /// <summary>Records that this storage is a view of another one's memory, so no tensor may adopt it as its own.</summary>
    public void MarkAsView() => IsView = true;

    /// <summary>Hands the buffer back to its backend for reuse, at most once and never while a view may read it.</summary>
    public void Recycle()
    {
        if (Volatile.Read(ref _viewed) == 0 && Interlocked.Exchange(ref _recycled, 1) == 0)
        {
            Backend.Release(this);
        }
    }
}
