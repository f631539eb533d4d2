using Microsoft.Extensions.Logging;

namespace Kiln.Serving;

/// <summary>Settings of a <see cref="ModelServer"/>: address, batching, limits, timeouts and authentication.</summary>
public sealed record ServerOptions
{
    /// <summary>The address to bind (default 127.0.0.1, reachable from this machine only); use 0.0.0.0 to listen on all interfaces.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port (default 8080); 0 picks a free port, reported by <see cref="ModelServer.Url"/>.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The most rows one model execution takes (default 64); a larger single request still runs, alone.</summary>
    /// <remarks>Triton: <c>max_batch_size</c>; BentoML: <c>max_batch_size</c>.</remarks>
    public int MaxBatchSize { get; init; } = 64;

    /// <summary>How long the batcher waits for more requests to fill a batch (default zero: batch only what is already queued).</summary>
    /// <remarks>Triton: <c>max_queue_delay_microseconds</c> (default 0).</remarks>
    public TimeSpan MaxQueueDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The most requests waiting per model (default 1024); more are refused with 503 and <c>Retry-After</c>.</summary>
    /// <remarks>Triton: <c>max_queue_size</c>; TorchServe: <c>job_queue_size</c>.</remarks>
    public int MaxQueueSize { get; init; } = 1024;

    /// <summary>The largest request body in bytes (default 64 MiB, as Triton's <c>--http-max-input-size</c>); larger ones get 413.</summary>
    public long MaxRequestBodySize { get; init; } = 64L * 1024 * 1024;

    /// <summary>How long one inference may wait and run before it is answered with 504 (default 30 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="ModelServer.StopAsync"/> waits for in-flight requests (default 30 s, as Triton's exit timeout).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The seconds a 503 response asks the client to wait in <c>Retry-After</c> (default 1).</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>An API key required on every endpoint except health checks, as <c>Authorization: Bearer</c> or <c>X-Api-Key</c>; null for none.</summary>
    /// <remarks>TorchServe: token authorization. The key is compared in constant time and never logged.</remarks>
    public string? ApiKey { get; init; }

    /// <summary>Configures logging (e.g. <c>b =&gt; b.AddSimpleConsole()</c>); by default the server logs nothing.</summary>
    /// <remarks>The server logs one line per request itself (category <c>Kiln.Serving</c>, Information), so ASP.NET Core's own
    /// request logging (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c>) is filtered out; a filter added here can turn it back on.</remarks>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>The clock for latency measurements and batching delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxQueueSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRequestBodySize);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueueDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(DrainTimeout, TimeSpan.Zero);
        if (ApiKey is { Length: 0 })
        {
            throw new ArgumentException("ApiKey is empty; pass null for no key or a non-empty secret.", nameof(ApiKey));
        }
    }
}
