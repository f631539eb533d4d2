using System.Text.Json.Nodes;
using Kiln.Jupyter.Language;
using Kiln.Jupyter.Protocol;
using Kiln.Jupyter.Stdin;
using Kiln.Jupyter.Transport;
using Kiln.Kernel;

namespace Kiln.Jupyter;

/// <summary>Runs a <see cref="CSharpKernel"/> behind the Jupyter messaging protocol 5.3, over ZeroMQ, until a client shuts it down.</summary>
/// <remarks>
/// Jupyter: the kernel process a kernelspec's argv starts (ipykernel's <c>IPKernelApp</c>). Shell requests are served
/// one at a time in arrival order; control requests (interrupt, shutdown) are served while a cell runs.
/// </remarks>
public sealed partial class JupyterKernelHost : IAsyncDisposable
{
    private readonly KernelTransport _transport;
    private readonly MessageFactory _messages;
    private readonly TextWriter _log;
    private readonly KernelOptions _options;
    private readonly LanguageServices _language;
    private readonly StdinBridge _stdin;
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _runningGate = new();
    private readonly CSharpKernel _kernel;
    private CancellationTokenSource? _running;
    private int _executionCount;
    private bool _shutdownRequested;

    /// <summary>Binds the sockets named by <paramref name="connection"/> and creates the kernel; call <see cref="ServeAsync"/> to serve.</summary>
    /// <param name="connection">Where to bind and how to sign.</param>
    /// <param name="options">The kernel's options, or null for the defaults; the host turns on <see cref="KernelOptions.HardStopOnCancel"/>
    /// so that interrupts stop any cell, and adds <see cref="JupyterInput"/> to the references and imports.</param>
    /// <param name="log">Where to log protocol problems (never payloads); null for the process's standard error.</param>
    /// <exception cref="DllNotFoundException">libzmq is missing; the message names the package to install.</exception>
    public JupyterKernelHost(ConnectionInfo connection, KernelOptions? options = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _log = log ?? new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        _options = JupyterKernelOptions.Adapt(options ?? new KernelOptions());
        _transport = new KernelTransport(connection, _log);
        _messages = new MessageFactory(Guid.NewGuid().ToString("N"), _options.TimeProvider);
        _stdin = new StdinBridge(_transport, _messages);
        _kernel = new CSharpKernel(_options);
        _language = new LanguageServices(_options, () => _kernel.ReferencedFiles);
    }

    /// <summary>Reads <paramref name="connectionFilePath"/>, binds the kernel's sockets and serves clients until a shutdown request,
    /// the exit of the Jupyter process that started it (<c>JPY_PARENT_PID</c>), or <paramref name="ct"/>.</summary>
    /// <param name="connectionFilePath">The connection file Jupyter passes as <c>-f {connection_file}</c>.</param>
    /// <param name="options">The kernel's options, or null for the defaults (see the constructor).</param>
    /// <param name="ct">Stops the kernel as a shutdown request would.</param>
    /// <returns>The process exit code: 0 after a clean shutdown.</returns>
    /// <exception cref="FileNotFoundException">The connection file does not exist.</exception>
    /// <exception cref="InvalidDataException">The connection file is malformed.</exception>
    /// <exception cref="DllNotFoundException">libzmq is missing; the message names the package to install.</exception>
    public static async Task<int> RunAsync(string connectionFilePath, KernelOptions? options = null, CancellationToken ct = default)
    {
        var connection = ConnectionInfo.Load(connectionFilePath);
        using var orphaned = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _ = ParentProcessWatcher.CancelWhenParentExitsAsync(orphaned);
        await using var host = new JupyterKernelHost(connection, options);
        await host.ServeAsync(orphaned.Token).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Stops the kernel and closes the sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        _stdin.Dispose();
        CancelRunningCell();
        var disposal = _kernel.DisposeAsync().AsTask();
        await Task.WhenAny(disposal, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        _transport.Dispose();
    }

    /// <summary>Serves shell, control, stdin and heartbeat until a client sends <c>shutdown_request</c> or <paramref name="ct"/> fires.</summary>
    /// <remarks>A shutdown with <c>restart: true</c> also ends serving: as with ipykernel, the client's kernel manager starts a fresh process.</remarks>
    /// <exception cref="InvalidOperationException">The ZeroMQ transport failed; the message says why.</exception>
    public async Task ServeAsync(CancellationToken ct = default)
    {
        _transport.Start();
        _transport.Send(KernelChannel.IOPub, _messages.Broadcast("status", new JsonObject { ["execution_state"] = "starting" }, null));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var shell = Task.Run(() => ServeChannelAsync(_transport.Shell, KernelChannel.Shell, stop.Token), CancellationToken.None);
        var control = Task.Run(() => ServeChannelAsync(_transport.Control, KernelChannel.Control, stop.Token), CancellationToken.None);
        await Task.WhenAny(_shutdown.Task, _transport.Stopped, Task.Delay(Timeout.Infinite, ct)).ConfigureAwait(false);
        CancelRunningCell();
        await stop.CancelAsync().ConfigureAwait(false);
        await _transport.StopAsync().ConfigureAwait(false);
        await Task.WhenAny(Task.WhenAll(shell, control), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        if (_transport.Failure is { } failure)
        {
            throw new InvalidOperationException($"The Jupyter transport stopped: {failure.Message}", failure);
        }
    }

    private async Task ServeChannelAsync(System.Threading.Channels.ChannelReader<JupyterMessage> reader, KernelChannel channel, CancellationToken ct)
    {
        try
        {
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (reader.TryRead(out var request))
                {
                    await HandleAsync(request, channel, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task HandleAsync(JupyterMessage request, KernelChannel channel, CancellationToken ct)
    {
        PublishStatus("busy", request);
        try
        {
            var queued = await DispatchAsync(request, channel, ct).ConfigureAwait(false);
            if (queued.Count > 0)
            {
                await AbortExecutionsAsync(queued, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A failing handler must not take the kernel down; the client gets an error reply.
            _log.WriteLine($"kiln jupyter: {request.MessageType} failed: {e.GetType().Name}: {e.Message}");
            Reply(channel, request, ReplyType(request), new JsonObject
            {
                ["status"] = "error",
                ["ename"] = e.GetType().Name,
                ["evalue"] = e.Message,
                ["traceback"] = new JsonArray(),
            });
        }
        finally
        {
            PublishStatus("idle", request);
            if (Volatile.Read(ref _shutdownRequested))
            {
                _shutdown.TrySetResult();
            }
        }
    }

    /// <summary>Answers the queued execute requests with <c>aborted</c>, as ipykernel does after an error; other requests are served.</summary>
    private async Task AbortExecutionsAsync(IReadOnlyList<JupyterMessage> queued, CancellationToken ct)
    {
        foreach (var request in queued)
        {
            if (request.MessageType == "execute_request")
            {
                PublishStatus("busy", request);
                Reply(KernelChannel.Shell, request, "execute_reply", new JsonObject { ["status"] = "aborted" });
                PublishStatus("idle", request);
            }
            else
            {
                await HandleAsync(request, KernelChannel.Shell, ct).ConfigureAwait(false);
            }
        }
    }

    private void PublishStatus(string state, JupyterMessage parent) =>
        _transport.Send(KernelChannel.IOPub, _messages.Broadcast("status", new JsonObject { ["execution_state"] = state }, parent));

    private void Publish(string type, JsonObject content, JupyterMessage parent) =>
        _transport.Send(KernelChannel.IOPub, _messages.Broadcast(type, content, parent));

    private void Reply(KernelChannel channel, JupyterMessage request, string type, JsonObject content) =>
        _transport.Send(channel, _messages.Reply(request, type, content));

    private static string ReplyType(JupyterMessage request) =>
        request.MessageType.EndsWith("_request", StringComparison.Ordinal)
            ? request.MessageType[..^"_request".Length] + "_reply"
            : request.MessageType + "_reply";

    private void CancelRunningCell()
    {
        lock (_runningGate)
        {
            _running?.Cancel();
        }
    }
}
