using System.Net;
using Kiln.Display;
using Kiln.Serving.Http;
using Kiln.Serving.Metrics;
using Kiln.Serving.Repository;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiln.Serving;

/// <summary>A running model server: Kestrel serving the Open Inference Protocol (V2) for the models of a repository.</summary>
/// <remarks>
/// Triton / KServe / MLServer speak the same V2 REST protocol. Start with <see cref="StartAsync"/>; the server is ready once every
/// model is loaded and warmed up. <see cref="StopAsync"/> turns readiness off first, then drains in-flight requests.
/// </remarks>
public sealed partial class ModelServer : IAsyncDisposable, IDisplayable
{
    private readonly WebApplication _app;
    private readonly ServerState _state;
    private int _stopped;

    private ModelServer(WebApplication app, ServerState state, Uri url)
    {
        _app = app;
        _state = state;
        Url = url;
    }

    /// <summary>The base address the server listens on, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The models the server publishes; load, reload and unload them here or over HTTP.</summary>
    public ModelRepository Repository => _state.Repository;

    /// <summary>Whether <c>/v2/health/ready</c> answers 200: models loaded and warmed, and no shutdown under way.</summary>
    public bool IsReady => _state.IsReady;

    /// <summary>Loads the models under <paramref name="modelPath"/>, warms each up, and starts listening.</summary>
    /// <param name="modelPath">One model directory (with <c>manifest.json</c>) or a repository folder of them.</param>
    /// <param name="options">Address, batching, limits and key; defaults bind 127.0.0.1:8080.</param>
    /// <param name="ct">Cancels the start-up.</param>
    /// <returns>The running server; dispose or stop it to shut down.</returns>
    /// <exception cref="DirectoryNotFoundException">The model path does not exist.</exception>
    /// <exception cref="InvalidDataException">No model is found or one fails to load (the message says why).</exception>
    public static async Task<ModelServer> StartAsync(string modelPath, ServerOptions? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        options ??= new ServerOptions();
        options.Validate();
        if (!IPAddress.TryParse(options.Host, out var address) && options.Host != "localhost")
        {
            throw new ArgumentException($"Host '{options.Host}' is not an IP address; use e.g. 127.0.0.1, 0.0.0.0 or localhost.", nameof(options));
        }

        var metrics = new ServerMetrics();
        var repository = new ModelRepository(modelPath, options, metrics);
        try
        {
            await repository.LoadAllAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await repository.DisposeAsync().ConfigureAwait(false);
            if (e is Protocol.InferenceException)
            {
                throw new InvalidDataException(e.Message, e);
            }

            throw;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ModelServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        // Kiln logs each request itself (Log.Request). With ASP.NET Core's request logging on at any level, hosting
        // also starts an Activity and a log scope per request: ~10% of a 1-row request's CPU. ConfigureLogging can
        // turn it back on.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
            kestrel.Listen(address ?? IPAddress.Loopback, options.Port);
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.DrainTimeout);
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kiln.Serving");
        var state = new ServerState(repository, metrics, options, logger);
        app.Use((ctx, next) => ErrorHandling.InvokeAsync(ctx, next, state));
        if (options.ApiKey is { } key)
        {
            var check = new ApiKeyCheck(key);
            app.Use((ctx, next) => check.InvokeAsync(ctx, next, state));
        }

        V2Endpoints.Map(app, state);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await repository.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        Log.Started(logger, string.Join(", ", repository.LoadedModels), url.ToString());
        return new ModelServer(app, state, url);
    }

    /// <summary>Stops gracefully: readiness turns false at once, in-flight requests finish (up to the drain timeout), then models unload.</summary>
    /// <remarks>Triton: SIGTERM handling with <c>--exit-timeout-secs</c>. Safe to call more than once.</remarks>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _state.BeginDrain();
        Log.Draining(_state.Logger, _state.Options.DrainTimeout.TotalSeconds);
        using var drain = new CancellationTokenSource(_state.Options.DrainTimeout, _state.Options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(drain.Token, ct);
        await _app.StopAsync(linked.Token).ConfigureAwait(false);
        await _state.Repository.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the server gracefully (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Shows the address, state and models of the server.</summary>
    public MimeBundle ToMimeBundle()
    {
        var state = _stopped == 1 ? "stopped" : IsReady ? "ready" : "not ready";
        var models = string.Join(", ", _state.Repository.AllModels.Select(m => $"{m.Name} v{m.Version}"));
        var text = $"Kiln model server at {Url} ({state}); models: {models}";
        var html = $"<div><b>Kiln model server</b> at <code>{WebUtility.HtmlEncode(Url.ToString())}</code> ({state})<br/>models: {WebUtility.HtmlEncode(models)}</div>";
        return MimeBundle.FromText(text).Add(MimeTypes.Html, html);
    }
}
