using System.Runtime.InteropServices;

namespace Kiln.Jupyter.Interop;

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
