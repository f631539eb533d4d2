using Kiln.Serving.Batching;
using Kiln.Serving.Metrics;
using Kiln.Serving.Packaging;
using Kiln.Tensors;

namespace Kiln.Serving.Repository;

/// <summary>One loaded model version: its package, its batcher and its output width, warmed up before it is published.</summary>
internal sealed class ServedModel : IAsyncDisposable
{
    private readonly Batcher _batcher;

    private ServedModel(ModelPackage package, int outputSize, ServerOptions options, ServerMetrics metrics)
    {
        Package = package;
        OutputSize = outputSize;
        _batcher = new Batcher(
            Execute,
            package.InputSize,
            options.MaxBatchSize,
            options.MaxQueueDelay,
            options.MaxQueueSize,
            options.TimeProvider,
            (rows, elapsed) => metrics.ObserveBatch(Name, rows, elapsed),
            options.RequestTimeout);
    }

    /// <summary>The model name.</summary>
    public string Name => Package.Manifest.Name;

    /// <summary>The model version.</summary>
    public string Version => Package.Manifest.Version;

    /// <summary>The loaded package.</summary>
    public ModelPackage Package { get; }

    /// <summary>The number of output values per row.</summary>
    public int OutputSize { get; }

    /// <summary>The number of requests waiting in this model's batcher.</summary>
    public int QueueDepth => _batcher.QueueDepth;

    /// <summary>Whether this model's queue is full: new requests are refused with 503 until it drains.</summary>
    public bool IsFull => _batcher.IsFull;

    /// <summary>Loads <paramref name="directory"/> and runs a warm-up inference, so the first real request pays no JIT cost.</summary>
    public static ServedModel Load(string directory, ServerOptions options, ServerMetrics metrics)
    {
        var package = ModelPackage.Load(directory);
        var warmup = Run(package, new float[package.InputSize], 1);
        if (package.Manifest.Labels is { } labels && labels.Count != warmup.Length)
        {
            throw new InvalidDataException($"Model '{package.Manifest.Name}' has {labels.Count} labels but {warmup.Length} outputs; list one label per output.");
        }

        return new ServedModel(package, warmup.Length, options, metrics);
    }

    /// <summary>Queues <paramref name="rowCount"/> rows of input for batched execution and returns the output rows.</summary>
    public Task<float[]> InferAsync(float[] rows, int rowCount, CancellationToken ct) => _batcher.SubmitAsync(rows, rowCount, ct);

    /// <summary>Finishes the queued requests and stops the batcher.</summary>
    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    private float[] Execute(float[] rows, int rowCount) => Run(Package, rows, rowCount);

    private static float[] Run(ModelPackage package, float[] rows, int rowCount)
    {
        using (Tensor.NoGrad())
        {
            var input = Tensor.FromArray(rows.AsSpan(0, rowCount * package.InputSize), [rowCount, package.InputSize]);
            return package.Network.Forward(input).ToArray();
        }
    }
}
