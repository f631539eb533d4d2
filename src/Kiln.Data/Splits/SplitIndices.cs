namespace Kiln.Data;

/// <summary>The row indices of one train/test split.</summary>
/// <param name="Train">The training rows.</param>
/// <param name="Test">The test rows.</param>
public sealed record SplitIndices(int[] Train, int[] Test)
{
    /// <summary>Returns the training and test rows of <paramref name="frame"/>.</summary>
    public (Frame Train, Frame Test) Apply(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return (frame.Take(Train), frame.Take(Test));
    }
}

/// <summary>Label handling shared by the stratified splitters.</summary>
internal static class Labels
{
    /// <summary>Encodes the non-null labels of <paramref name="column"/> as class numbers, classes in the column's sort order or by first appearance.</summary>
    public static (int[] Codes, int[] Counts) Encode(DataColumn column, bool sorted)
    {
        if (column.NullCount > 0)
        {
            throw new ArgumentException($"Label column '{column.Name}' has {column.NullCount} nulls; drop or fill them before splitting.", nameof(column));
        }

        var first = new Dictionary<object, int>();
        var codes = new int[column.Length];
        for (var i = 0; i < column.Length; i++)
        {
            var key = column.GetKey(i);
            if (!first.TryGetValue(key, out var c))
            {
                first.Add(key, c = first.Count);
            }

            codes[i] = c;
        }

        if (sorted)
        {
            var reps = first.Values.Select(v => Array.IndexOf(codes, v)).ToArray();
            var order = Enumerable.Range(0, reps.Length).ToArray();
            Array.Sort(order, (a, b) => column.CompareRows(reps[a], reps[b]));
            var rank = new int[order.Length];
            for (var r = 0; r < order.Length; r++)
            {
                rank[order[r]] = r;
            }

            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = rank[codes[i]];
            }
        }

        var counts = new int[first.Count];
        foreach (var c in codes)
        {
            counts[c]++;
        }

        return (codes, counts);
    }
}
