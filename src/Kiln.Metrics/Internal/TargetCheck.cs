namespace Kiln.Metrics.Internal;

/// <summary>scikit-learn's <c>_check_set_wise_labels</c>: validates <c>average</c> and <c>pos_label</c> and picks the labels.</summary>
internal static class TargetCheck
{
    /// <summary>Returns the labels to score: <c>[posLabel]</c> for <see cref="Average.Binary"/>, else <paramref name="labels"/>.</summary>
    public static T[]? SetWiseLabels<T>(T[] yTrue, T[] yPred, Average? average, T[]? labels, PosLabel<T> posLabel)
        where T : notnull
    {
        var present = LabelOrder<T>.Unique(yTrue, yPred);
        if (average == Average.Binary)
        {
            if (present.Length > 2)
            {
                throw new ArgumentException(
                    $"The target is multiclass ({present.Length} labels: {LabelOrder<T>.ReprList(present)}) but average is Average.Binary; "
                    + "choose Average.Micro, Average.Macro or Average.Weighted, or ask for per-class scores.", nameof(average));
            }

            if (!posLabel.HasValue)
            {
                throw new ArgumentException(
                    "average is Average.Binary but no posLabel was given; pass the label of the positive class.", nameof(posLabel));
            }

            if (LabelOrder<T>.IndexOf(present, posLabel.Value) < 0 && present.Length >= 2)
            {
                throw new ArgumentException(
                    $"posLabel={LabelOrder<T>.Repr(posLabel.Value)} is not a valid label; it should be one of {LabelOrder<T>.ReprList(present)}.",
                    nameof(posLabel));
            }

            return [posLabel.Value];
        }

        if (posLabel.HasValue && !posLabel.IsDefault)
        {
            var avg = average is { } a ? $"'{a.ToString().ToLowerInvariant()}'" : "None";
            MetricWarnings.Warn(
                MetricWarning.User,
                $"Note that pos_label (set to {LabelOrder<T>.Repr(posLabel.Value)}) is ignored when average != 'binary' (got {avg}). "
                + "You may use labels=[pos_label] to specify a single positive class.");
        }

        return labels;
    }
}

/// <summary>An optional positive label and whether it is scikit-learn's default (1), which is never warned about.</summary>
internal readonly record struct PosLabel<T>(bool HasValue, T Value, bool IsDefault)
{
    /// <summary>A given positive label.</summary>
    public static PosLabel<T> Of(T value, bool isDefault) => new(true, value, isDefault);

    /// <summary>No positive label.</summary>
    public static PosLabel<T> None => new(false, default!, true);
}
