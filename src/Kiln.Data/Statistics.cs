namespace Kiln.Data;

/// <summary>Summary statistics over doubles with pandas' conventions, skipping NaN.</summary>
internal static class Statistics
{
    /// <summary>Returns the non-null values as doubles, in row order.</summary>
    public static double[] Valid(DataColumn column) => column switch
    {
        PrimitiveColumn<double> c => Valid(c, static v => v),
        PrimitiveColumn<long> c => Valid(c, static v => v),
        PrimitiveColumn<int> c => Valid(c, static v => v),
        PrimitiveColumn<float> c => Valid(c, static v => v),
        _ => ValidBoxed(column),
    };

    /// <summary>The minimum, quartiles (linear interpolation) and maximum of non-empty <paramref name="values"/>, found by a scan and selection rather than a full sort.</summary>
    /// <remarks>
    /// Reorders <paramref name="values"/>. numpy: <c>np.quantile(x, [0, .25, .5, .75, 1], method="linear")</c>, as pandas'
    /// <c>describe</c>: between the neighbours a and b at fraction t, a + (b − a)t, or b − (b − a)(1 − t) when t ≥ 0.5.
    /// </remarks>
    public static (double Min, double Q25, double Median, double Q75, double Max) Quartiles(double[] values)
    {
        // pandas takes min and max with nanmin and nanmax: one scan, no selection.
        double min = values[0], max = values[0];
        foreach (var v in values)
        {
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        Span<double> quantiles = stackalloc double[3];
        double[] qs = [0.25, 0.5, 0.75];
        var done = 0; // values[done..] hold exactly the elements of rank done and above
        for (var i = 0; i < qs.Length; i++)
        {
            var pos = qs[i] * (values.Length - 1);
            var lo = (int)Math.Floor(pos);
            var hi = Math.Min(lo + 1, values.Length - 1);
            if (lo >= done)
            {
                SelectInPlace(values.AsSpan(done), lo - done);
                done = lo + 1;
            }

            var a = values[lo];
            var b = hi == lo ? a : MinOf(values.AsSpan(hi));
            var t = pos - lo;
            quantiles[i] = t >= 0.5 ? b - ((b - a) * (1 - t)) : a + ((b - a) * t);
        }

        return (min, quantiles[0], quantiles[1], quantiles[2], max);
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
    public static double PairwiseSum(ReadOnlySpan<double> values) => PairwiseSum(values, default(Identity));

    /// <summary>numpy's pairwise sum of <paramref name="map"/> applied to each value, without storing the mapped values.</summary>
    private static double PairwiseSum<TMap>(ReadOnlySpan<double> values, TMap map)
        where TMap : struct, IValueMap
    {
        if (values.Length < 8)
        {
            var s = 0.0;
            foreach (var v in values)
            {
                s += map.Apply(v);
            }

            return s;
        }

        if (values.Length <= 128)
        {
            Span<double> r = stackalloc double[8];
            for (var k = 0; k < 8; k++)
            {
                r[k] = map.Apply(values[k]);
            }

            var i = 8;
            for (; i < values.Length - (values.Length % 8); i += 8)
            {
                for (var k = 0; k < 8; k++)
                {
                    r[k] += map.Apply(values[i + k]);
                }
            }

            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < values.Length; i++)
            {
                res += map.Apply(values[i]);
            }

            return res;
        }

        var half = values.Length / 2;
        half -= half % 8;
        return PairwiseSum(values[..half], map) + PairwiseSum(values[half..], map);
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
        return Math.Sqrt(PairwiseSum(values, new SquaredDeviation(mean)) / (values.Length - ddof));
    }

    /// <summary>Rearranges <paramref name="a"/> so that a[k] is its k-th smallest element, smaller or equal ones before it, greater or equal after (quickselect).</summary>
    private static void SelectInPlace(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            if (hi - lo < 32)
            {
                a[lo..(hi + 1)].Sort();
                return;
            }

            var mid = lo + ((hi - lo) / 2);
            if (a[mid] < a[lo])
            {
                (a[mid], a[lo]) = (a[lo], a[mid]);
            }

            if (a[hi] < a[lo])
            {
                (a[hi], a[lo]) = (a[lo], a[hi]);
            }

            if (a[hi] < a[mid])
            {
                (a[hi], a[mid]) = (a[mid], a[hi]);
            }

            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private static double MinOf(ReadOnlySpan<double> values)
    {
        var min = values[0];
        foreach (var v in values)
        {
            min = v < min ? v : min;
        }

        return min;
    }

    private static double[] Valid<T>(PrimitiveColumn<T> column, Func<T, double> widen)
        where T : struct, IComparable<T>, IEquatable<T>
    {
        var values = column.Values;
        var result = new double[values.Length - column.NullCount];
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!column.IsNull(i))
            {
                result[n++] = widen(values[i]);
            }
        }

        return result;
    }

    private static double[] ValidBoxed(DataColumn column)
    {
        var values = new List<double>(column.Length - column.NullCount);
        for (var i = 0; i < column.Length; i++)
        {
            if (!column.IsNull(i))
            {
                values.Add(column.GetDouble(i));
            }
        }

        return [.. values];
    }

    /// <summary>A per-value transform applied inside <see cref="PairwiseSum{TMap}"/>.</summary>
    private interface IValueMap
    {
        double Apply(double value);
    }

    private readonly struct Identity : IValueMap
    {
        public double Apply(double value) => value;
    }

    private readonly struct SquaredDeviation(double mean) : IValueMap
    {
        public double Apply(double value) => (mean - value) * (mean - value);
    }
}
