using Kiln.Nn.Schedulers;

namespace Kiln.Nn.Training;

/// <summary>Tracks the best value of a monitored series, as early stopping and checkpoints need.</summary>
internal sealed class MonitoredValue
{
    private readonly double _minDelta;

    public MonitoredValue(string monitor, MonitorMode? mode, double minDelta)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(monitor);
        ArgumentOutOfRangeException.ThrowIfNegative(minDelta);
        Monitor = monitor;
        Mode = mode ?? (monitor.Contains("acc", StringComparison.OrdinalIgnoreCase) ? MonitorMode.Max : MonitorMode.Min);
        _minDelta = minDelta;
        Best = Mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    public string Monitor { get; }

    public MonitorMode Mode { get; }

    public double Best { get; private set; }

    /// <summary>Reads the monitored value from <paramref name="logs"/>; true (and a new best) when it improves by more than minDelta.</summary>
    public bool Improves(string owner, IReadOnlyDictionary<string, double> logs)
    {
        if (!logs.TryGetValue(Monitor, out var value))
        {
            throw new InvalidOperationException($"{owner}: the monitored value '{Monitor}' is not logged; available: {string.Join(", ", logs.Keys)}. Pass validation data for val_* values.");
        }

        var better = Mode == MonitorMode.Min ? value + _minDelta < Best : value - _minDelta > Best;
        if (better)
        {
            Best = value;
        }

        return better;
    }
}
