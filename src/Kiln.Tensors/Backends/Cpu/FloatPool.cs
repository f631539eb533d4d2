namespace Kiln.Tensors.Backends.Cpu;

/// <summary>Recycles float buffers by exact length, so a steady training loop reuses its gradient buffers.</summary>
/// <remarks>
/// Only buffers of at least <see cref="MinLength"/> floats are pooled (smaller ones are cheap gen-0 garbage), and the
/// pool holds at most <see cref="MaxPooledBytes"/>. Rented buffers are not cleared.
/// </remarks>
internal static class FloatPool
{
    public const int MinLength = 256;
    public const long MaxPooledBytes = 256L << 20;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, Stack<float[]>> Free = [];
    private static long _pooledBytes;
    private static long _hits;

    /// <summary>How many rents were served from the pool since start-up.</summary>
    public static long Hits => Interlocked.Read(ref _hits);

    public static float[] Rent(int length)
    {
        if (length >= MinLength)
        {
            lock (Gate)
            {
                if (Free.TryGetValue(length, out var stack) && stack.TryPop(out var buffer))
                {
                    _pooledBytes -= (long)length * sizeof(float);
                    _hits++;
                    return buffer;
                }
            }
        }

        return GC.AllocateUninitializedArray<float>(length);
    }

    public static void Return(float[] buffer)
    {
        if (buffer.Length < MinLength)
        {
            return;
        }

        var bytes = (long)buffer.Length * sizeof(float);
        lock (Gate)
        {
            if (_pooledBytes + bytes > MaxPooledBytes)
            {
                return;
            }

            if (!Free.TryGetValue(buffer.Length, out var stack))
            {
                Free[buffer.Length] = stack = new Stack<float[]>();
            }

            stack.Push(buffer);
            _pooledBytes += bytes;
        }
    }
}
