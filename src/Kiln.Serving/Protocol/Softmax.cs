namespace Kiln.Serving.Protocol;

/// <summary>Row-wise softmax and argmax over a row-major output block.</summary>
internal static class Softmax
{
    /// <summary>Softmax of each row of <paramref name="values"/> (rows of <paramref name="width"/> values), computed in double precision.</summary>
    /// <remarks>PyTorch: <c>torch.softmax(x, dim=-1)</c>.</remarks>
    public static float[] Rows(float[] values, int width)
    {
        var result = new float[values.Length];
        for (var start = 0; start < values.Length; start += width)
        {
            var row = values.AsSpan(start, width);
            double max = row[0];
            foreach (var v in row)
            {
                max = Math.Max(max, v);
            }

            double sum = 0;
            foreach (var v in row)
            {
                sum += Math.Exp(v - max);
            }

            for (var j = 0; j < width; j++)
            {
                result[start + j] = (float)(Math.Exp(row[j] - max) / sum);
            }
        }

        return result;
    }

    /// <summary>The index of the largest value (the first one on ties).</summary>
    /// <remarks>PyTorch: <c>torch.argmax</c>.</remarks>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var j = 1; j < row.Length; j++)
        {
            if (row[j] > row[best])
            {
                best = j;
            }
        }

        return best;
    }
}
