namespace Kiln.Metrics.Internal;

/// <summary>Fast paths for integer labels in a small range: a direct lookup table from label to class index.</summary>
internal static class LabelTable
{
    /// <summary>The widest label range (max − min + 1) served by a table.</summary>
    public const int MaxRange = 1 << 20;

    /// <summary>The sorted distinct labels of <paramref name="sources"/>, or null when their range is too wide for a table.</summary>
    public static int[]? TryUniqueInt32(int[][] sources)
    {
        if (!TryRange(sources, out var min, out var max))
        {
            return sources.All(s => s.Length == 0) ? [] : null;
        }

        var seen = new bool[max - min + 1];
        foreach (var source in sources)
        {
            foreach (var label in source)
            {
                seen[label - min] = true;
            }
        }

        var result = new List<int>();
        for (var i = 0; i < seen.Length; i++)
        {
            if (seen[i])
            {
                result.Add(i + min);
            }
        }

        return [.. result];
    }

    /// <summary>A table mapping each label in [min, max] to its index in <paramref name="classes"/> (−1 when absent), or null when the range is too wide.</summary>
    public static int[]? TryIndexTable(int[] classes, out int min)
    {
        min = 0;
        if (classes.Length == 0)
        {
            return null;
        }

        min = classes.Min();
        var range = (long)classes.Max() - min + 1;
        if (range > MaxRange)
        {
            return null;
        }

        var table = new int[range];
        Array.Fill(table, -1);
        for (var i = 0; i < classes.Length; i++)
        {
            table[classes[i] - min] = i;
        }

        return table;
    }

    private static bool TryRange(int[][] sources, out int min, out int max)
    {
        min = int.MaxValue;
        max = int.MinValue;
        foreach (var source in sources)
        {
            if (source.Length > 0)
            {
                // Enumerable.Min and Max are vectorized for int[].
                min = Math.Min(min, source.Min());
                max = Math.Max(max, source.Max());
            }
        }

        return min <= max && (long)max - min + 1 <= MaxRange;
    }
}
