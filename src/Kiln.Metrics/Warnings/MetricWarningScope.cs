namespace Kiln.Metrics;

/// <summary>Collects the metric warnings raised while it is active; created by <see cref="MetricWarnings.Capture"/>.</summary>
public sealed class MetricWarningScope : IDisposable
{
    private readonly MetricWarningScope? _outer;
    private readonly Action<MetricWarningScope?> _restore;
    private readonly List<MetricWarning> _warnings = [];
    private bool _disposed;

    internal MetricWarningScope(MetricWarningScope? outer, Action<MetricWarningScope?> restore)
    {
        _outer = outer;
        _restore = restore;
    }

    /// <summary>The warnings collected so far, in the order they were raised.</summary>
    public IReadOnlyList<MetricWarning> Warnings => _warnings;

    /// <summary>Stops collecting and makes the enclosing scope (if any) current again.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _restore(_outer);
    }

    internal void Add(MetricWarning warning) => _warnings.Add(warning);
}
