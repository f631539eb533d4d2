using System.Collections.Concurrent;

namespace Kiln.Tensors.Backends.Kernels;

/// <summary>
/// A caching allocator for one device: freed buffers are kept by size and reused, so a training step allocates no device
/// memory once warm. Buffers come back deterministically (autograd releases consumed gradients) or from finalizers.
/// </summary>
internal sealed class DeviceMemoryCache(GpuBackend owner, long collectAtBytes)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Stack<nint>> _free = [];
    private readonly ConcurrentQueue<(nint Handle, long Bytes)> _late = new();
    private readonly long _budget = collectAtBytes;
    private readonly long _growthBeforeYoungCollect = Math.Clamp(collectAtBytes / 16, 64L << 20, 1L << 30);
    private long _collectAt = collectAtBytes;
    private long _rentedSinceCollect;

    /// <summary>Bytes currently allocated from the driver, cached or in use.</summary>
    public long AllocatedBytes { get; private set; }

    /// <summary>Bytes held in the cache, ready for reuse.</summary>
    public long CachedBytes { get; private set; }

    public (nint Handle, long Bytes) Rent(long requested)
    {
        var bytes = Round(requested);
        Interlocked.Add(ref _rentedSinceCollect, bytes);
        if (TryReuse(bytes, out var handle))
        {
            return (handle, bytes);
        }

        if (Interlocked.Read(ref _rentedSinceCollect) > _growthBeforeYoungCollect)
        {
            // Dead tensors are mostly young: a cheap generation-1 collection runs their finalizers and refills the cache,
            // so a steady loop reuses buffers instead of growing towards the budget (few managed bytes, so GC rarely runs).
            Collect(1);
            if (TryReuse(bytes, out handle))
            {
                return (handle, bytes);
            }
        }

        if (AllocatedBytes + bytes > _collectAt)
        {
            // Tensors dropped by user code free their device memory only when collected: collect before growing further,
            // then let the working set grow by a quarter before collecting again, so a large live set does not thrash.
            Collect(GC.MaxGeneration);
            _collectAt = Math.Max(_budget, (AllocatedBytes + bytes) * 5 / 4);
            if (TryReuse(bytes, out handle))
            {
                return (handle, bytes);
            }
        }

        handle = owner.AllocateRaw(bytes);
        if (handle == 0)
        {
            Collect(GC.MaxGeneration);
            Trim();
            handle = owner.AllocateRaw(bytes);
            if (handle == 0)
            {
                throw new OutOfMemoryException(
                    $"{owner.Device}: out of device memory allocating {bytes:N0} bytes ({AllocatedBytes:N0} bytes in use); use smaller batches or move some tensors to the CPU.");
            }
        }

        lock (_gate)
        {
            AllocatedBytes += bytes;
        }

        return (handle, bytes);
    }

    public void Return(nint handle, long bytes)
    {
        lock (_gate)
        {
            if (!_free.TryGetValue(bytes, out var stack))
            {
                _free[bytes] = stack = new Stack<nint>();
            }

            stack.Push(handle);
            CachedBytes += bytes;
        }
    }

    /// <summary>Called on the finalizer thread: only queues the buffer, the next allocation on a user thread takes it back.</summary>
    public void ReturnFromFinalizer(nint handle, long bytes) => _late.Enqueue((handle, bytes));

    /// <summary>Frees every cached buffer back to the driver.</summary>
    public void Trim()
    {
        DrainLate();
        lock (_gate)
        {
            foreach (var stack in _free.Values)
            {
                while (stack.TryPop(out var handle))
                {
                    owner.FreeRaw(handle);
                }
            }

            AllocatedBytes -= CachedBytes;
            CachedBytes = 0;
        }
    }

    private static long Round(long bytes) => Math.Max(256, (bytes + 255) & ~255L);

    private void Collect(int generation)
    {
        Interlocked.Exchange(ref _rentedSinceCollect, 0);
        GC.Collect(generation, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        DrainLate();
    }

    private bool TryReuse(long bytes, out nint handle)
    {
        DrainLate();
        lock (_gate)
        {
            if (_free.TryGetValue(bytes, out var stack) && stack.TryPop(out handle))
            {
                CachedBytes -= bytes;
                return true;
            }
        }

        handle = 0;
        return false;
    }

    private void DrainLate()
    {
        while (_late.TryDequeue(out var item))
        {
            Return(item.Handle, item.Bytes);
        }
    }
}
