namespace Kiln.Metrics.Internal;

/// <summary>Conversions between jagged and rectangular score matrices.</summary>
internal static class Matrix
{
    /// <summary>Copies a jagged array into a rectangular one, checking that every row has the same length.</summary>
    public static double[,] FromJagged(double[][] rows, string name)
    {
        ArgumentNullException.ThrowIfNull(rows, name);
        var k = rows.Length == 0 ? 0 : rows[0].Length;
        var result = new double[rows.Length, k];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null || rows[i].Length != k)
            {
                throw new ArgumentException($"{name}[{i}] has {rows[i]?.Length ?? 0} columns but {name}[0] has {k}; every row needs one value per class.", name);
            }

            for (var j = 0; j < k; j++)
            {
                result[i, j] = rows[i][j];
            }
        }

        return result;
    }
}
