using System.Text.Json.Nodes;
using Kiln.Jupyter.Protocol;
using Kiln.Jupyter.Transport;

namespace Kiln.Jupyter.Stdin;

/// <summary>Asks the front-end for a line of input over the stdin channel on behalf of the executing cell.</summary>
/// <remarks>
/// Jupyter: <c>input_request</c> / <c>input_reply</c>, routed to the client that sent the <c>execute_request</c>.
/// While the host runs, <see cref="Console.In"/> reads through the bridge, so <c>Console.ReadLine()</c> prompts in the notebook.
/// </remarks>
internal sealed class StdinBridge : IDisposable
{
    private static StdinBridge? s_current;

    private readonly KernelTransport _transport;
    private readonly MessageFactory _messages;
    private readonly TextReader _originalIn;
    private readonly Lock _gate = new();
    private JupyterMessage? _request;
    private bool _allowed;
    private CancellationToken _cancellation;

    public StdinBridge(KernelTransport transport, MessageFactory messages)
    {
        _transport = transport;
        _messages = messages;
        _originalIn = Console.In;
        Console.SetIn(new StdinReader(this));
        s_current = this;
    }

    /// <summary>The bridge of the running Jupyter host, or null outside one.</summary>
    public static StdinBridge? Current => Volatile.Read(ref s_current);

    /// <summary>Makes <paramref name="request"/> the execution that input requests belong to, until the returned scope ends.</summary>
    public IDisposable Begin(JupyterMessage request, bool allowStdin, CancellationToken ct)
    {
        lock (_gate)
        {
            _request = request;
            _allowed = allowStdin;
            _cancellation = ct;
        }

        return new Scope(this);
    }

    /// <summary>Sends an input request with <paramref name="prompt"/> and blocks until the front-end replies.</summary>
    /// <exception cref="InvalidOperationException">No cell is executing, or its front-end does not accept input.</exception>
    /// <exception cref="OperationCanceledException">The cell was interrupted while waiting.</exception>
    public string ReadLine(string prompt, bool password)
    {
        JupyterMessage request;
        CancellationToken ct;
        lock (_gate)
        {
            if (_request is null)
            {
                throw new InvalidOperationException("Input can only be requested while a notebook cell is executing.");
            }

            if (!_allowed)
            {
                throw new InvalidOperationException(
                    "This front-end does not accept input (the execute request has allow_stdin false); pass values as variables instead.");
            }

            request = _request;
            ct = _cancellation;
        }

        while (_transport.Stdin.TryRead(out _))
        {
            // Drop replies to earlier prompts that were abandoned (an interrupted cell).
        }

        _transport.Send(KernelChannel.Stdin, _messages.Create(
            request.Identities,
            "input_request",
            new JsonObject { ["prompt"] = prompt, ["password"] = password },
            request));
        while (true)
        {
            var reply = _transport.Stdin.ReadAsync(ct).AsTask().GetAwaiter().GetResult();
            if (reply.MessageType == "input_reply")
            {
                return reply.GetString("value");
            }
        }
    }

    /// <summary>Restores the console input that was there before the host started.</summary>
    public void Dispose()
    {
        Console.SetIn(_originalIn);
        Interlocked.CompareExchange(ref s_current, null, this);
    }

    private void End()
    {
        lock (_gate)
        {
            _request = null;
            _allowed = false;
            _cancellation = CancellationToken.None;
        }
    }

    private sealed class Scope(StdinBridge bridge) : IDisposable
    {
        public void Dispose() => bridge.End();
    }
}
