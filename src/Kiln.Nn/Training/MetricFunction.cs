using Kiln.Tensors;

namespace Kiln.Nn.Training;

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
