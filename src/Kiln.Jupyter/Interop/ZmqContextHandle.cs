using System.Runtime.InteropServices;

namespace Kiln.Jupyter.Interop;

/// <summary>Owns a libzmq context; terminating it waits for its sockets' lingering messages.</summary>
internal sealed class ZmqContextHandle : SafeHandle
{
    public ZmqContextHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Creates a new context.</summary>
    public static ZmqContextHandle Create()
    {
        ZmqNative.EnsureLoaded();
        var context = new ZmqContextHandle();
        context.SetHandle(ZmqNative.zmq_ctx_new());
        if (context.IsInvalid)
        {
            throw new ZmqException("zmq_ctx_new", ZmqNative.zmq_errno());
        }

        return context;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => ZmqNative.zmq_ctx_term(handle) == 0;
}

/// <summary>Owns a libzmq socket; it must be used from one thread at a time.</summary>
internal sealed class ZmqSocketHandle : SafeHandle
{
    public ZmqSocketHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Creates a socket of <paramref name="type"/> in <paramref name="context"/>.</summary>
    public static ZmqSocketHandle Create(ZmqContextHandle context, int type)
    {
        var socket = new ZmqSocketHandle();
        socket.SetHandle(ZmqNative.zmq_socket(context, type));
        if (socket.IsInvalid)
        {
            throw new ZmqException("zmq_socket", ZmqNative.zmq_errno());
        }

        return socket;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => ZmqNative.zmq_close(handle) == 0;
}

/// <summary>A libzmq call failed.</summary>
internal sealed class ZmqException : Exception
{
    /// <summary>Creates the exception for <paramref name="function"/> failing with <paramref name="errorNumber"/>.</summary>
    public ZmqException(string function, int errorNumber)
        : base($"{function} failed: {ZmqNative.Describe(errorNumber)} (errno {errorNumber}).")
    {
        ErrorNumber = errorNumber;
    }

    /// <summary>The libzmq error number.</summary>
    public int ErrorNumber { get; }
}
