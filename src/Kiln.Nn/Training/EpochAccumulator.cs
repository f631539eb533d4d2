using Kiln.Tensors;

namespace Kiln.Nn.Training;

/// <summary>Accumulates the sample-weighted loss and the metrics over the batches of one pass.</summary>
internal sealed class EpochAccumulator
{
    private readonly IList<IMetric> _metrics;
    private double _lossSum;
    private long _samples;

    public EpochAccumulator(IList<IMetric> metrics)
    {
        _metrics = metrics;
        foreach (var m in metrics)
        {
            m.Reset();
        }
    }

    public void Add(Tensor loss, Tensor output, Tensor target)
    {
        var n = output.Rank == 0 ? 1 : output.Shape[0];
        _lossSum += loss.Item() * (double)n;
        _samples += n;
        foreach (var m in _metrics)
        {
            m.Update(output, target);
        }
    }

    public IReadOnlyDictionary<string, double> Result()
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = _samples == 0 ? double.NaN : _lossSum / _samples };
        foreach (var m in _metrics)
        {
            result[m.Name] = m.Compute();
        }

        return result;
    }
}
