using System.Text.Json;
using Kiln.Data.Preprocessing;
using Kiln.Nn;
using Kiln.Serving.Packaging;
using Kiln.Tensors;

namespace Kiln.Serving.Tests;

/// <summary>The golden model of scripts/golden/serving.py (PyTorch weights, scikit-learn scaler) and helpers to serve it.</summary>
internal static class TestModel
{
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "serving");

    public static Golden Golden { get; } = JsonSerializer.Deserialize<Golden>(
        File.ReadAllText(Path.Combine(FixtureDir, "golden.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    public static Sequential CreateNetwork()
    {
        var network = Architecture.Build(Golden.Architecture);
        network.Load(Path.Combine(FixtureDir, "mlp.safetensors"));
        network.Eval();
        return network;
    }

    public static Transformer LoadPipeline() => Transformer.Load(Path.Combine(FixtureDir, "pipeline.json"));

    /// <summary>Writes the golden model as a model directory and returns its network.</summary>
    public static Sequential Save(string directory, string name = "cancer", string version = "1", Sequential? network = null)
    {
        network ??= CreateNetwork();
        ModelPackage.Save(directory, network, new ModelManifest { Name = name, Version = version, Features = Golden.Features, Labels = Golden.Labels }, LoadPipeline());
        return network;
    }

    public static float[] Forward(Sequential network, float[] rows, int rowCount)
    {
        using (Tensor.NoGrad())
        {
            return network.Forward(Tensor.FromArray(rows, rowCount, rows.Length / rowCount)).ToArray();
        }
    }

    public static float[] Flat(float[][] rows) => [.. rows.SelectMany(r => r)];
}

/// <summary>The contents of golden.json.</summary>
internal sealed record Golden(
    string[] Features,
    string[] Labels,
    LayerSpec[] Architecture,
    Dictionary<string, double>[] Records,
    float[][] Scaled,
    float[][] Logits,
    float[][] Probabilities,
    string[] Predicted);

/// <summary>A temporary directory removed on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kiln-serving-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does not affect the tests.
        }
    }
}

/// <summary>A served golden model on a free loopback port with an HttpClient pointed at it.</summary>
internal sealed class Served : IAsyncDisposable
{
    private readonly TempDir _dir;

    private Served(TempDir dir, ModelServer server, Sequential network)
    {
        _dir = dir;
        Server = server;
        Network = network;
        Http = new HttpClient { BaseAddress = server.Url };
    }

    public ModelServer Server { get; }

    public Sequential Network { get; }

    public HttpClient Http { get; }

    public string ModelDir => _dir.Path;

    public static async Task<Served> StartAsync(ServerOptions? options = null, Action<string>? prepare = null)
    {
        var dir = new TempDir();
        var network = TestModel.Save(dir.Path);
        prepare?.Invoke(dir.Path);
        var server = await ModelServer.StartAsync(dir.Path, (options ?? new ServerOptions()) with { Port = 0 }, TestContext.Current.CancellationToken);
        return new Served(dir, server, network);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}
