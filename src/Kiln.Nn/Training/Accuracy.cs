using Kiln.Tensors;

namespace Kiln.Nn.Training;

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
