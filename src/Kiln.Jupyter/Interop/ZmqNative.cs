using System.Reflection;
using System.Runtime.InteropServices;

namespace Kiln.Jupyter.Interop;

/// <summary>The libzmq functions the Jupyter transport uses (Debian package <c>libzmq5</c>, <c>libzmq.so.5</c>).</summary>
internal static partial class ZmqNative
{
    public const string LibraryName = "libzmq";

    public const int Pair = 0;
    public const int Pub = 1;
    public const int Rep = 4;
    public const int Router = 6;

    public const int SendMore = 2;
    public const int DontWait = 1;
    public const int PollIn = 1;

    public const int Linger = 17;
    public const int RouterMandatory = 33;

    public const int ErrorAgain = 11;
    public const int ErrorInterrupted = 4;

    private static readonly string[] Candidates = ["libzmq.so.5", "libzmq.so", "libzmq.5.dylib", "libzmq.dylib", "libzmq.dll"];

    static ZmqNative() => NativeLibrary.SetDllImportResolver(typeof(ZmqNative).Assembly, Resolve);

    /// <summary>Loads libzmq now, throwing a message that names the package to install when it is missing.</summary>
    public static void EnsureLoaded()
    {
        try
        {
            _ = zmq_errno();
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                "The Jupyter kernel needs the ZeroMQ library (libzmq.so.5), which was not found. " +
                "Install it with 'sudo apt-get install libzmq5' (Debian/Ubuntu) or 'brew install zeromq' (macOS), " +
                "or run scripts/setup-deps.sh.", e);
        }
    }

    /// <summary>Returns libzmq's message for error number <paramref name="errno"/>.</summary>
    public static string Describe(int errno) => Marshal.PtrToStringUTF8(zmq_strerror(errno)) ?? $"errno {errno}";

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    [LibraryImport(LibraryName)]
    public static partial IntPtr zmq_ctx_new();

    [LibraryImport(LibraryName)]
    public static partial int zmq_ctx_term(IntPtr context);

    [LibraryImport(LibraryName)]
    public static partial IntPtr zmq_socket(ZmqContextHandle context, int type);

    [LibraryImport(LibraryName)]
    public static partial int zmq_close(IntPtr socket);

    [LibraryImport(LibraryName)]
    public static unsafe partial int zmq_setsockopt(ZmqSocketHandle socket, int option, void* value, nuint length);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int zmq_bind(ZmqSocketHandle socket, string endpoint);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int zmq_connect(ZmqSocketHandle socket, string endpoint);

    [LibraryImport(LibraryName)]
    public static unsafe partial int zmq_send(ZmqSocketHandle socket, byte* buffer, nuint length, int flags);

    [LibraryImport(LibraryName)]
    public static unsafe partial int zmq_msg_init(ZmqMessage* message);

    [LibraryImport(LibraryName)]
    public static unsafe partial int zmq_msg_recv(ZmqMessage* message, ZmqSocketHandle socket, int flags);

    [LibraryImport(LibraryName)]
    public static unsafe partial IntPtr zmq_msg_data(ZmqMessage* message);

    [LibraryImport(LibraryName)]
    public static unsafe partial nuint zmq_msg_size(ZmqMessage* message);

    [LibraryImport(LibraryName)]
    public static unsafe partial int zmq_msg_more(ZmqMessage* message);

    [LibraryImport(LibraryName)]
    public static unsafe partial int zmq_msg_close(ZmqMessage* message);

    [LibraryImport(LibraryName)]
    public static unsafe partial int zmq_poll(ZmqPollItem* items, int count, long timeout);

    [LibraryImport(LibraryName)]
    public static partial int zmq_errno();

    [LibraryImport(LibraryName)]
    public static partial IntPtr zmq_strerror(int errno);
}

/// <summary>libzmq's opaque <c>zmq_msg_t</c> (64 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Size = 64)]
internal struct ZmqMessage
{
    private long _first;
}

/// <summary>libzmq's <c>zmq_pollitem_t</c> on POSIX: socket pointer, file descriptor, events, returned events.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ZmqPollItem
{
    public IntPtr Socket;
    public int FileDescriptor;
    public short Events;
    public short ReturnedEvents;
}
