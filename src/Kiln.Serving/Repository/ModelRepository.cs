using Kiln.Serving.Metrics;
using Kiln.Serving.Packaging;
using Kiln.Serving.Protocol;

namespace Kiln.Serving.Repository;

/// <summary>The models a server publishes: discovered on disk, loaded and warmed, swapped atomically on reload.</summary>
/// <remarks>
/// Triton: the model repository and its <c>/v2/repository</c> extension. The root is either one model directory (it holds
/// <c>manifest.json</c>) or a folder of model directories, each holding a manifest or version subfolders
/// (<c>root/mlp/1/manifest.json</c>, <c>root/mlp/2/manifest.json</c>). Without a version in the URL the highest version serves.
/// </remarks>
public sealed partial class ModelRepository : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly ServerOptions _options;
    private readonly ServerMetrics _metrics;
    private volatile IReadOnlyDictionary<string, IReadOnlyDictionary<string, ServedModel>> _models =
        new Dictionary<string, IReadOnlyDictionary<string, ServedModel>>(StringComparer.Ordinal);

    internal ModelRepository(string root, ServerOptions options, ServerMetrics metrics)
    {
        Root = Path.GetFullPath(root);
        _options = options;
        _metrics = metrics;
        if (!Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"Model directory '{Root}' does not exist; save a model there with ModelPackage.Save.");
        }
    }

    /// <summary>The repository root: one model directory or a folder of them.</summary>
    public string Root { get; }

    /// <summary>The names of the loaded models, sorted.</summary>
    public IReadOnlyList<string> LoadedModels => [.. _models.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Lists every model version on disk or loaded, with its state (<c>READY</c> or <c>UNAVAILABLE</c>).</summary>
    /// <remarks>Triton: <c>POST /v2/repository/index</c>.</remarks>
    public IReadOnlyList<RepositoryEntry> Index()
    {
        var loaded = _models;
        var entries = new SortedDictionary<(string, string), RepositoryEntry>();
        foreach (var (name, version, _) in Discover(strict: false))
        {
            entries[(name, version)] = new RepositoryEntry(name, version, "UNAVAILABLE", "unloaded");
        }

        foreach (var (name, versions) in loaded)
        {
            foreach (var version in versions.Keys)
            {
                entries[(name, version)] = new RepositoryEntry(name, version, "READY", string.Empty);
            }
        }

        return [.. entries.Values];
    }

    /// <summary>Loads (or reloads) every version of <paramref name="name"/> from disk, warms it up, then swaps it in atomically.</summary>
    /// <remarks>Triton: <c>POST /v2/repository/models/{name}/load</c>. Requests queued on the old instance still complete.</remarks>
    /// <exception cref="InferenceException">404 when no model of that name is on disk, 400 when it fails to load.</exception>
    public async Task LoadAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var found = Discover(strict: false).Where(d => d.Name == name).ToList();
        if (found.Count == 0)
        {
            throw InferenceException.NotFound($"Model '{name}' is not in the model repository '{Root}'; save it there first.");
        }

        var fresh = new Dictionary<string, ServedModel>(StringComparer.Ordinal);
        try
        {
            foreach (var (_, version, directory) in found)
            {
                ct.ThrowIfCancellationRequested();
                fresh[version] = ServedModel.Load(directory, _options, _metrics);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or NotSupportedException or ArgumentException)
        {
            await DisposeAllAsync(fresh.Values).ConfigureAwait(false);
            throw InferenceException.BadRequest($"Model '{name}' failed to load: {e.Message}");
        }

        await PublishAsync(name, fresh).ConfigureAwait(false);
    }

    /// <summary>Unloads every version of <paramref name="name"/>: new requests get 404, queued ones still complete.</summary>
    /// <remarks>Triton: <c>POST /v2/repository/models/{name}/unload</c>.</remarks>
    /// <exception cref="InferenceException">404 when the model is not loaded.</exception>
    public async Task UnloadAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ct.ThrowIfCancellationRequested();
        if (!_models.ContainsKey(name))
        {
            throw InferenceException.NotFound($"Model '{name}' is not loaded; GET /v2/repository/index lists the models.");
        }

        await PublishAsync(name, null).ConfigureAwait(false);
    }

    /// <summary>Unloads every model, finishing queued requests first.</summary>
    public async ValueTask DisposeAsync()
    {
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, ServedModel>> old;
        lock (_gate)
        {
            old = _models;
            _models = new Dictionary<string, IReadOnlyDictionary<string, ServedModel>>(StringComparer.Ordinal);
        }

        await DisposeAllAsync(old.Values.SelectMany(v => v.Values)).ConfigureAwait(false);
    }

    internal IReadOnlyCollection<ServedModel> AllModels => [.. _models.Values.SelectMany(v => v.Values)];

    internal async Task LoadAllAsync(CancellationToken ct)
    {
        var names = Discover(strict: true).Select(d => d.Name).Distinct().ToList();
        if (names.Count == 0)
        {
            throw new InvalidDataException($"'{Root}' holds no model: neither a {ModelPackage.ManifestFileName} nor model folders with one.");
        }

        foreach (var name in names)
        {
            await LoadAsync(name, ct).ConfigureAwait(false);
        }
    }

    internal ServedModel Resolve(string name, string? version)
    {
        if (!_models.TryGetValue(name, out var versions))
        {
            throw InferenceException.NotFound($"Unknown model '{name}'; GET /v2/repository/index lists the models.");
        }

        if (version is null)
        {
            return versions[versions.Keys.Max(VersionComparer.Instance)!];
        }

        return versions.TryGetValue(version, out var model)
            ? model
            : throw InferenceException.NotFound(
                $"Model '{name}' has no version '{version}'; loaded versions: {string.Join(", ", versions.Keys.Order(VersionComparer.Instance))}.");
    }

    internal IReadOnlyList<string> Versions(string name) =>
        _models.TryGetValue(name, out var v) ? [.. v.Keys.Order(VersionComparer.Instance)] : [];

    private async Task PublishAsync(string name, Dictionary<string, ServedModel>? fresh)
    {
        IReadOnlyDictionary<string, ServedModel>? old;
        lock (_gate)
        {
            var next = new Dictionary<string, IReadOnlyDictionary<string, ServedModel>>(_models, StringComparer.Ordinal);
            next.TryGetValue(name, out old);
            if (fresh is null)
            {
                next.Remove(name);
            }
            else
            {
                next[name] = fresh;
            }

            _models = next;
        }

        if (old is not null)
        {
            await DisposeAllAsync(old.Values).ConfigureAwait(false);
        }
    }

    private static async Task DisposeAllAsync(IEnumerable<ServedModel> models)
    {
        foreach (var m in models)
        {
            await m.DisposeAsync().ConfigureAwait(false);
        }
    }
}
