using System.Collections.Concurrent;
using System.Threading.Channels;
using Kiln.Jupyter.Interop;
using Kiln.Jupyter.Protocol;

namespace Kiln.Jupyter.Transport;

/// <summary>Owns the five ZeroMQ sockets on one I/O thread: receives and verifies requests, sends queued messages, echoes heartbeats.</summary>
/// <remarks>
/// libzmq sockets are not thread-safe, so only the I/O thread touches them; other threads queue outgoing messages
/// with <see cref="Send"/>, which keeps their order across sockets (a reply queued before a status stays before it)
/// and wakes the I/O thread, which otherwise blocks in <c>zmq_poll</c> until a request arrives.
/// </remarks>
internal sealed class KernelTransport : IDisposable
{
    private const int LingerMilliseconds = 1000;

    private readonly WireCodec _codec;
    private readonly TextWriter _log;
    private readonly ZmqContextHandle _context;
    private readonly ZmqSocket _shell;
    private readonly ZmqSocket _control;
    private readonly ZmqSocket _stdin;
    private readonly ZmqSocket _iopub;
    private readonly ZmqSocket _heartbeat;
    private readonly ZmqWakeSignal _wake;
    private readonly ConcurrentQueue<(KernelChannel Channel, JupyterMessage Message)> _outgoing = new();
    private readonly Channel<JupyterMessage> _shellIn = Channel.CreateUnbounded<JupyterMessage>();
    private readonly Channel<JupyterMessage> _controlIn = Channel.CreateUnbounded<JupyterMessage>();
    private readonly Channel<JupyterMessage> _stdinIn = Channel.CreateUnbounded<JupyterMessage>();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <summary>Binds the sockets named by <paramref name="connection"/>; call <see cref="Start"/> to begin serving.</summary>
    public KernelTransport(ConnectionInfo connection, TextWriter log)
    {
        _codec = new WireCodec(connection.Key);
        _log = log;
        _context = ZmqContextHandle.Create();
        _shell = new ZmqSocket(_context, ZmqNative.Router, connection.Endpoint(connection.ShellPort), LingerMilliseconds);
        _control = new ZmqSocket(_context, ZmqNative.Router, connection.Endpoint(connection.ControlPort), LingerMilliseconds);
        _stdin = new ZmqSocket(_context, ZmqNative.Router, connection.Endpoint(connection.StdinPort), LingerMilliseconds);
        _iopub = new ZmqSocket(_context, ZmqNative.Pub, connection.Endpoint(connection.IOPubPort), LingerMilliseconds);
        _heartbeat = new ZmqSocket(_context, ZmqNative.Rep, connection.Endpoint(connection.HeartbeatPort), 0);
        _wake = new ZmqWakeSignal(_context);
        _thread = new Thread(Loop) { IsBackground = true, Name = "Kiln Jupyter I/O" };
    }

    /// <summary>Verified requests from the shell socket.</summary>
    public ChannelReader<JupyterMessage> Shell => _shellIn.Reader;

    /// <summary>Verified requests from the control socket.</summary>
    public ChannelReader<JupyterMessage> Control => _controlIn.Reader;

    /// <summary>Verified replies from the stdin socket.</summary>
    public ChannelReader<JupyterMessage> Stdin => _stdinIn.Reader;

    /// <summary>Why the I/O thread stopped on its own, or null while it runs or after a requested stop.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Completes when the I/O thread has flushed its queue and stopped.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>Starts the I/O thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>Queues <paramref name="message"/> for <paramref name="channel"/> and wakes the I/O thread to send it; thread-safe.</summary>
    public void Send(KernelChannel channel, JupyterMessage message)
    {
        _outgoing.Enqueue((channel, message));
        _wake.Signal();
    }

    /// <summary>Asks the I/O thread to send what is queued and stop.</summary>
    public Task StopAsync()
    {
        _stopping = true;
        _wake.Signal();
        return _stopped.Task;
    }

    /// <summary>Stops the thread and closes the sockets and the context.</summary>
    public void Dispose()
    {
        _stopping = true;
        _wake.Signal();
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }

        _shell.Dispose();
        _control.Dispose();
        _stdin.Dispose();
        _iopub.Dispose();
        _heartbeat.Dispose();
        _wake.Dispose();
        _context.Dispose();
    }

    private void Loop()
    {
        ZmqSocket[] inputs = [_shell, _control, _stdin, _heartbeat, _wake.Receiver];
        try
        {
            while (true)
            {
                var stopping = _stopping;
                Flush();
                if (stopping)
                {
                    break;
                }

                var ready = ZmqSocket.Poll(inputs, Timeout.Infinite);
                if (ready[4])
                {
                    // Re-armed before the next Flush, so a message queued after that flush wakes the next poll.
                    _wake.Acknowledge();
                }

                if (ready[3] && _heartbeat.TryReceive() is { } ping)
                {
                    _heartbeat.Send(ping);
                }

                Receive(ready[0], _shell, _shellIn, "shell");
                Receive(ready[1], _control, _controlIn, "control");
                Receive(ready[2], _stdin, _stdinIn, "stdin");
            }
        }
        catch (Exception e)
        {
            // The I/O thread must not take the process down silently: report why serving stopped; the host then shuts down.
            Failure = e;
            _log.WriteLine($"kiln jupyter: transport stopped: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _shellIn.Writer.TryComplete();
            _controlIn.Writer.TryComplete();
            _stdinIn.Writer.TryComplete();
            _stopped.TrySetResult();
        }
    }

    private void Flush()
    {
        while (_outgoing.TryDequeue(out var item))
        {
            var socket = item.Channel switch
            {
                KernelChannel.Shell => _shell,
                KernelChannel.Control => _control,
                KernelChannel.Stdin => _stdin,
                _ => _iopub,
            };
            socket.Send(_codec.Encode(item.Message));
        }
    }

    private void Receive(bool ready, ZmqSocket socket, Channel<JupyterMessage> target, string name)
    {
        if (!ready)
        {
            return;
        }

        while (socket.TryReceive() is { } frames)
        {
            if (_codec.Decode(frames, out var rejection) is { } message)
            {
                target.Writer.TryWrite(message);
            }
            else
            {
                // Never log payloads: a rejected message may carry someone else's code or secrets.
                _log.WriteLine($"kiln jupyter: dropped a message on the {name} channel: {rejection}.");
            }
        }
    }
}
