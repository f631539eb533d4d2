namespace Kiln.Tensors.Backends.Kernels;

/// <summary>A device buffer owned by a <see cref="GpuBackend"/>; its memory goes back to the backend's cache when released or collected.</summary>
internal sealed class GpuStorage : Storage
{
    private int _released;

    public GpuStorage(GpuBackend owner, DType dtype, int length, nint handle, long bytes)
        : base(dtype, length)
    {
        Owner = owner;
        Handle = handle;
        Bytes = bytes;
    }

    ~GpuStorage()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Owner.Memory.ReturnFromFinalizer(Handle, Bytes);
        }
    }

    public GpuBackend Owner { get; }

    /// <summary>The native buffer: a cl_mem or a CUdeviceptr.</summary>
    public nint Handle { get; }

    /// <summary>The allocated size in bytes (rounded up by the cache).</summary>
    public long Bytes { get; }

    public override IBackend Backend => Owner;

    /// <summary>Hands the memory back to the cache now; the storage must not be used afterwards.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            GC.SuppressFinalize(this);
            Owner.Memory.Return(Handle, Bytes);
        }
    }
}
