using Kiln.Serving.Metrics;
using Kiln.Serving.Repository;
using Microsoft.Extensions.Logging;

namespace Kiln.Serving.Http;

/// <summary>What the endpoints share: the repository, metrics, options, logger and the draining flag.</summary>
internal sealed class ServerState(ModelRepository repository, ServerMetrics metrics, ServerOptions options, ILogger logger)
{
    private volatile bool _draining;

    public ModelRepository Repository { get; } = repository;

    public ServerMetrics Metrics { get; } = metrics;

    public ServerOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;

    /// <summary>Whether shutdown has begun (readiness is then false).</summary>
    public bool IsDraining => _draining;

    /// <summary>Whether the server is ready: not draining and at least one model loaded and warmed.</summary>
    public bool IsReady => !_draining && Repository.LoadedModels.Count > 0;

    public void BeginDrain() => _draining = true;
}
