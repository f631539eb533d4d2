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
    /// <remarks>Integer labels in a small range are found with a presence table; others with a hash set, sorted once.</remarks>
    public static T[] Unique(params ReadOnlySpan<T[]> sources)
    {
        if (typeof(T) == typeof(int))
        {
            var ints = new int[sources.Length][];
            for (var s = 0; s < sources.Length; s++)
            {
                ints[s] = (int[])(object)sources[s];
            }

            if (LabelTable.TryUniqueInt32(ints) is { } fast)
            {
                return (T[])(object)fast;
            }
        }

        var set = new HashSet<T>();
        foreach (var source in sources)
        {
            var last = default(T);
            var hasLast = false;
            foreach (var label in source)
            {
                // Labels often come in runs; skipping a repeat of the previous label saves a hash lookup.
                if (hasLast && EqualityComparer<T>.Default.Equals(label, last))
                {
                    continue;
                }

                set.Add(label);
                last = label;
                hasLast = true;
            }
        }

        var result = set.ToArray();
        Array.Sort(result, Comparer);
        return result;
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
