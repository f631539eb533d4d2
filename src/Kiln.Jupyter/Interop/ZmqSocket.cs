namespace Kiln.Jupyter.Interop;

/// <summary>A bound libzmq socket that sends and receives multipart messages; not thread-safe, like libzmq sockets.</summary>
internal sealed class ZmqSocket : IDisposable
{
    private readonly ZmqSocketHandle _handle;

    /// <summary>Creates a socket of <paramref name="type"/> and binds it to <paramref name="endpoint"/>.</summary>
    public ZmqSocket(ZmqContextHandle context, int type, string endpoint, int lingerMilliseconds)
    {
        _handle = ZmqSocketHandle.Create(context, type);
        SetOption(ZmqNative.Linger, lingerMilliseconds);
        if (ZmqNative.zmq_bind(_handle, endpoint) != 0)
        {
            var errno = ZmqNative.zmq_errno();
            _handle.Dispose();
            throw new ZmqException($"zmq_bind({endpoint})", errno);
        }
    }

    /// <summary>The native socket pointer, for polling.</summary>
    public IntPtr NativePointer => _handle.DangerousGetHandle();

    /// <summary>Sends <paramref name="frames"/> as one multipart message, blocking until libzmq queued them.</summary>
    public unsafe void Send(IReadOnlyList<byte[]> frames)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            var flags = i < frames.Count - 1 ? ZmqNative.SendMore : 0;
            fixed (byte* data = frames[i])
            {
                while (ZmqNative.zmq_send(_handle, data, (nuint)frames[i].Length, flags) < 0)
                {
                    var errno = ZmqNative.zmq_errno();
                    if (errno != ZmqNative.ErrorInterrupted)
                    {
                        throw new ZmqException("zmq_send", errno);
                    }
                }
            }
        }
    }

    /// <summary>Receives one multipart message without blocking, or returns null when none is waiting.</summary>
    public unsafe List<byte[]>? TryReceive()
    {
        var frames = new List<byte[]>();
        while (true)
        {
            ZmqMessage message;
            ZmqNative.zmq_msg_init(&message);
            try
            {
                var flags = frames.Count == 0 ? ZmqNative.DontWait : 0;
                if (ZmqNative.zmq_msg_recv(&message, _handle, flags) < 0)
                {
                    var errno = ZmqNative.zmq_errno();
                    if (errno == ZmqNative.ErrorAgain && frames.Count == 0)
                    {
                        return null;
                    }

                    if (errno == ZmqNative.ErrorInterrupted)
                    {
                        continue;
                    }

                    throw new ZmqException("zmq_msg_recv", errno);
                }

                var size = (int)ZmqNative.zmq_msg_size(&message);
                var frame = new byte[size];
                new ReadOnlySpan<byte>((void*)ZmqNative.zmq_msg_data(&message), size).CopyTo(frame);
                frames.Add(frame);
                if (ZmqNative.zmq_msg_more(&message) == 0)
                {
                    return frames;
                }
            }
            finally
            {
                ZmqNative.zmq_msg_close(&message);
            }
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for any of <paramref name="sockets"/> to have input.</summary>
    /// <returns>For each socket, whether it has a message waiting.</returns>
    public static unsafe bool[] Poll(IReadOnlyList<ZmqSocket> sockets, int timeoutMilliseconds)
    {
        var items = stackalloc ZmqPollItem[sockets.Count];
        for (var i = 0; i < sockets.Count; i++)
        {
            items[i] = new ZmqPollItem { Socket = sockets[i].NativePointer, Events = ZmqNative.PollIn };
        }

        var ready = new bool[sockets.Count];
        if (ZmqNative.zmq_poll(items, sockets.Count, timeoutMilliseconds) < 0)
        {
            var errno = ZmqNative.zmq_errno();
            return errno == ZmqNative.ErrorInterrupted ? ready : throw new ZmqException("zmq_poll", errno);
        }

        for (var i = 0; i < sockets.Count; i++)
        {
            ready[i] = (items[i].ReturnedEvents & ZmqNative.PollIn) != 0;
        }

        return ready;
    }

    /// <summary>Closes the socket; pending outgoing messages linger as configured.</summary>
    public void Dispose() => _handle.Dispose();

    private unsafe void SetOption(int option, int value)
    {
        if (ZmqNative.zmq_setsockopt(_handle, option, &value, sizeof(int)) != 0)
        {
            throw new ZmqException("zmq_setsockopt", ZmqNative.zmq_errno());
        }
    }
}
