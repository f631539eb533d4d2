using Kiln.Tensors;

namespace Kiln.Nn.Training;

/// <summary>A metric accumulated over the batches of an epoch.</summary>
/// <remarks>Keras: <c>keras.metrics.Metric</c> (<c>reset_state</c>, <c>update_state</c>, <c>result</c>).</remarks>
public interface IMetric
{
    /// <summary>The name in logs and <see cref="History"/> (validation values get a <c>val_</c> prefix).</summary>
    string Name { get; }

    /// <summary>Forgets the accumulated state at the start of an epoch.</summary>
    void Reset();

    /// <summary>Adds one batch of model outputs and targets.</summary>
    void Update(Tensor output, Tensor target);

    /// <summary>Returns the metric over everything added since <see cref="Reset"/>.</summary>
    double Compute();
}

/// <summary>The fraction of correctly classified samples.</summary>
/// <remarks>
/// Outputs [N, C] with C &gt; 1 are compared by argmax with int64 targets [N]; outputs [N] or [N, 1] are logits,
/// predicted positive when &gt; 0 and compared with targets &gt; 0.5.
/// </remarks>
public sealed class Accuracy : IMetric
{
    private long _correct;
    private long _total;

    /// <inheritdoc/>
    public string Name => "accuracy";

    /// <inheritdoc/>
    public void Reset() => (_correct, _total) = (0, 0);

    /// <inheritdoc/>
    public void Update(Tensor output, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(target);
        var t = target.ToArray();
        float[] predicted;
        if (output.Rank == 2 && output.Shape[1] > 1)
        {
            predicted = output.ArgMax(1).ToArray();
        }
        else
        {
            predicted = [.. output.ToArray().Select(v => v > 0 ? 1f : 0f)];
            t = [.. t.Select(v => v > 0.5f ? 1f : 0f)];
        }

        if (predicted.Length != t.Length)
        {
            throw new ShapeMismatchException($"Accuracy: {predicted.Length} predictions from output {output.Shape} but {t.Length} targets in {target.Shape}.");
        }

        _correct += predicted.Where((p, i) => p == t[i]).LongCount();
        _total += t.Length;
    }

    /// <inheritdoc/>
    public double Compute() => _total == 0 ? double.NaN : (double)_correct / _total;
}

/// <summary>A metric from a function of (output, target) per batch, averaged over samples.</summary>
/// <param name="name">The name in logs.</param>
/// <param name="function">Computes the batch value; weighted by the batch's first dimension.</param>
public sealed class MetricFunction(string name, Func<Tensor, Tensor, double> function) : IMetric
{
    private double _sum;
    private long _count;

    /// <inheritdoc/>
    public string Name { get; } = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("MetricFunction: give the metric a name.", nameof(name)) : name;

    /// <inheritdoc/>
    public void Reset() => (_sum, _count) = (0, 0);

    /// <inheritdoc/>
    public void Update(Tensor output, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(output);
        var n = output.Rank == 0 ? 1 : output.Shape[0];
        _sum += function(output, target) * n;
        _count += n;
    }

    /// <inheritdoc/>
    public double Compute() => _count == 0 ? double.NaN : _sum / _count;
}
