using System.Runtime.InteropServices;

namespace Kiln.Serving;

/// <summary>One stop token for <see cref="ModelServer.RunAsync"/>: cancelled by the caller's token, by the given signals
/// (Ctrl+C, SIGTERM), or by <see cref="Request"/>.</summary>
/// <remarks>
/// A signal handler can run after <see cref="Dispose"/>: disposing a registration does not wait for a handler already
/// dispatched, and another handler of the same signal (System.CommandLine's cancels the caller's token) can stop the
/// server, and this object be disposed, first. A stop requested then does nothing.
/// </remarks>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _signals;
    private readonly Lock _gate = new();
    private bool _disposed;

    public StopSignal(CancellationToken ct, params PosixSignal[] signals)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _signals = [.. signals.Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];
    }

    /// <summary>Cancelled once a stop was requested.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Requests the stop; does nothing once disposed. The token's callbacks run on the thread pool, not on the caller.</summary>
    public void Request()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _ = _stop.CancelAsync();
            }
        }
    }

    /// <summary>Unregisters the signals and releases the token; a stop requested afterwards does nothing.</summary>
    public void Dispose()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        lock (_gate)
        {
            _disposed = true;
            _stop.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Request();
    }
}
