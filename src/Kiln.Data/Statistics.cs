namespace Kiln.Data;

/// <summary>Summary statistics over doubles with pandas' conventions, skipping NaN.</summary>
internal static class Statistics
{
    /// <summary>Returns the non-NaN values, sorted ascending.</summary>
    public static double[] SortedValid(DataColumn column)
    {
        var values = new List<double>(column.Length - column.NullCount);
        for (var i = 0; i < column.Length; i++)
        {
            if (!column.IsNull(i))
            {
                values.Add(column.GetDouble(i));
            }
        }

        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }

    /// <summary>The arithmetic mean, or NaN for no values.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        return PairwiseSum(values) / values.Length;
    }

    /// <summary>Sums as numpy does for a contiguous 1-d array (pairwise, eight accumulators per block of 128).</summary>
    public static double PairwiseSum(ReadOnlySpan<double> values)
    {
        if (values.Length < 8)
        {
            var s = 0.0;
            foreach (var v in values)
            {
                s += v;
            }

            return s;
        }

        if (values.Length <= 128)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            var i = 8;
            for (; i < values.Length - (values.Length % 8); i += 8)
            {
                for (var k = 0; k < 8; k++)
                {
                    r[k] += values[i + k];
                }
            }

            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < values.Length; i++)
            {
                res += values[i];
            }

            return res;
        }

        var half = values.Length / 2;
        half -= half % 8;
        return PairwiseSum(values[..half]) + PairwiseSum(values[half..]);
    }

    /// <summary>The standard deviation with <paramref name="ddof"/> delta degrees of freedom, or NaN when too few values.</summary>
    /// <remarks>pandas' default is ddof = 1 (sample); computed as pandas' <c>nanvar</c>: mean, then the pairwise sum of squared deviations.</remarks>
    public static double Std(ReadOnlySpan<double> values, int ddof)
    {
        if (values.Length - ddof <= 0)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        var squares = new double[values.Length];
        for (var i = 0; i < squares.Length; i++)
        {
            squares[i] = (mean - values[i]) * (mean - values[i]);
        }

        return Math.Sqrt(PairwiseSum(squares) / (values.Length - ddof));
    }

    /// <summary>The <paramref name="q"/> quantile of sorted values by linear interpolation, or NaN for no values.</summary>
    /// <remarks>numpy: <c>np.quantile(x, q, method="linear")</c>, as pandas' <c>describe</c> and <c>median</c>.</remarks>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var t = pos - lo;
        var a = sorted[lo];
        var b = sorted[hi];
        return t >= 0.5 ? b - ((b - a) * (1 - t)) : a + ((b - a) * t);
    }
}
