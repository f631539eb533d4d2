namespace Kiln.Jupyter.Interop;

/// <summary>Wakes a thread blocked in <c>zmq_poll</c> from any other thread, through a pair of <c>inproc</c> sockets.</summary>
/// <remarks>
/// The polling thread includes <see cref="Receiver"/> in its poll set and calls <see cref="Acknowledge"/> when it is
/// ready; <see cref="Signal"/> is thread-safe and sends at most one message until the next acknowledgement, so signalling
/// is cheap when the poller is already awake.
/// </remarks>
internal sealed class ZmqWakeSignal : IDisposable
{
    private readonly ZmqSocketHandle _sender;
    private readonly Lock _senderGate = new();
    private int _pending;
    private bool _disposed;

    /// <summary>Creates the pair in <paramref name="context"/>.</summary>
    public ZmqWakeSignal(ZmqContextHandle context)
    {
        var endpoint = $"inproc://kiln-wake-{Guid.NewGuid():N}";
        Receiver = new ZmqSocket(context, ZmqNative.Pair, endpoint, lingerMilliseconds: 0);
        _sender = ZmqSocketHandle.Create(context, ZmqNative.Pair);
        if (ZmqNative.zmq_connect(_sender, endpoint) != 0)
        {
            var errno = ZmqNative.zmq_errno();
            _sender.Dispose();
            Receiver.Dispose();
            throw new ZmqException($"zmq_connect({endpoint})", errno);
        }
    }

    /// <summary>The socket to poll for input; owned by the polling thread.</summary>
    public ZmqSocket Receiver { get; }

    /// <summary>Makes the poller's next (or current) poll return; thread-safe.</summary>
    public unsafe void Signal()
    {
        if (Interlocked.Exchange(ref _pending, 1) != 0)
        {
            return;
        }

        lock (_senderGate)
        {
            if (_disposed)
            {
                return;
            }

            byte wake = 0;
            // DontWait: with one message in flight at most, the queue never fills; a failure would only mean a later wake.
            _ = ZmqNative.zmq_send(_sender, &wake, 1, ZmqNative.DontWait);
        }
    }

    /// <summary>Drains the wake messages and re-arms <see cref="Signal"/>; call on the polling thread before handling queued work.</summary>
    public void Acknowledge()
    {
        while (Receiver.TryReceive() is not null)
        {
        }

        Volatile.Write(ref _pending, 0);
    }

    /// <summary>Closes both sockets.</summary>
    public void Dispose()
    {
        lock (_senderGate)
        {
            _disposed = true;
            _sender.Dispose();
        }

        Receiver.Dispose();
    }
}
