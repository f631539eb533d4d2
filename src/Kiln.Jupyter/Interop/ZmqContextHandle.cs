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
