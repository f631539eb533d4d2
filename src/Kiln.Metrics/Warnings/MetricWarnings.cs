namespace Kiln.Metrics;

/// <summary>Where metric warnings go: a capture scope, subscribers of <see cref="Raised"/>, or standard error.</summary>
/// <remarks>
/// Metrics return plain numbers, so warnings travel beside them, like Python's <c>warnings</c> module.
/// Inside <c>using var scope = MetricWarnings.Capture();</c> every warning raised on the same logical flow
/// (async-local) is collected in <see cref="MetricWarningScope.Warnings"/> and nothing is printed.
/// Outside a scope each warning is passed to <see cref="Raised"/>; when nobody subscribes it is written to
/// <see cref="Console.Error"/> as <c>UndefinedMetricWarning: message</c>, as Python would print it.
/// </remarks>
public static class MetricWarnings
{
    private static readonly AsyncLocal<MetricWarningScope?> CurrentScope = new();

    /// <summary>Raised for every warning that no capture scope collected.</summary>
    public static event EventHandler<MetricWarning>? Raised;

    /// <summary>Starts collecting the warnings raised on this logical flow until the scope is disposed.</summary>
    /// <returns>The scope; dispose it to stop collecting (scopes nest, the innermost collects).</returns>
    public static MetricWarningScope Capture()
    {
        var scope = new MetricWarningScope(CurrentScope.Value, s => CurrentScope.Value = s);
        CurrentScope.Value = scope;
        return scope;
    }

    internal static void Warn(string category, string message)
    {
        var warning = new MetricWarning(category, message);
        if (CurrentScope.Value is { } scope)
        {
            scope.Add(warning);
            return;
        }

        if (Raised is { } handler)
        {
            handler(null, warning);
            return;
        }

        Console.Error.WriteLine(warning.ToString());
    }
}
