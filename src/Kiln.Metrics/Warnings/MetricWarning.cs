namespace Kiln.Metrics;

/// <summary>A warning raised by a metric whose result is defined by convention (for example 0/0 set to 0).</summary>
/// <param name="Category">The scikit-learn warning category, such as <c>UndefinedMetricWarning</c> or <c>UserWarning</c>.</param>
/// <param name="Message">The message, worded as scikit-learn words it.</param>
/// <remarks>scikit-learn: <c>warnings.warn(msg, UndefinedMetricWarning)</c>.</remarks>
public sealed record MetricWarning(string Category, string Message)
{
    /// <summary>The category scikit-learn uses for ill-defined metric values.</summary>
    public const string UndefinedMetric = "UndefinedMetricWarning";

    /// <summary>The category scikit-learn uses for general advice (ignored parameters, dropped classes).</summary>
    public const string User = "UserWarning";

    /// <summary>The category for numeric problems such as the mean of an empty input (numpy's RuntimeWarning).</summary>
    public const string Runtime = "RuntimeWarning";

    /// <summary>Returns the warning as Python prints it: <c>Category: message</c>.</summary>
    public override string ToString() => $"{Category}: {Message}";
}
