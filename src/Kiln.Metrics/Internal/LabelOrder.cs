using System.Globalization;

namespace Kiln.Metrics.Internal;

/// <summary>Label ordering and naming as scikit-learn does it (numpy's sort: numeric order, strings by code point).</summary>
internal static class LabelOrder<T>
    where T : notnull
{
    /// <summary>The comparer: ordinal for strings (numpy sorts unicode by code point), the default order otherwise.</summary>
    public static readonly IComparer<T> Comparer = typeof(T) == typeof(string)
        ? (IComparer<T>)(object)StringComparer.Ordinal
        : Comparer<T>.Default;

    /// <summary>The sorted distinct labels of the given inputs (<c>np.unique</c> / <c>unique_labels</c>).</summary>
    public static T[] Unique(params ReadOnlySpan<T[]> sources)
    {
        var set = new SortedSet<T>(Comparer);
        foreach (var source in sources)
        {
            foreach (var label in source)
            {
                set.Add(label);
            }
        }

        return [.. set];
    }

    /// <summary>The index of <paramref name="label"/> in sorted <paramref name="classes"/>, or −1.</summary>
    public static int IndexOf(T[] classes, T label)
    {
        var i = Array.BinarySearch(classes, label, Comparer);
        return i >= 0 ? i : -1;
    }

    /// <summary>The label as Python's <c>'%s' % label</c> writes it.</summary>
    public static string Name(T label) => label switch
    {
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => label.ToString() ?? string.Empty,
    };

    /// <summary>The label as Python's <c>repr</c> writes it (strings quoted).</summary>
    public static string Repr(T label) => label is string s ? $"'{s}'" : Name(label);

    /// <summary>A list of labels as Python prints a list: <c>[0, 1]</c> or <c>['a', 'b']</c>.</summary>
    public static string ReprList(IEnumerable<T> labels) => "[" + string.Join(", ", labels.Select(Repr)) + "]";
}
