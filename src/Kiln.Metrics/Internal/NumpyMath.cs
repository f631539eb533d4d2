namespace Kiln.Metrics.Internal;

/// <summary>Summation and averaging in numpy's order, so results match scikit-learn to the last bit where it matters.</summary>
internal static class NumpyMath
{
    private const int BlockSize = 128;

    /// <summary>numpy's pairwise summation of a contiguous float64 array (<c>np.sum</c>, <c>np.add.reduce</c>).</summary>
    public static double Sum(ReadOnlySpan<double> a)
    {
        var n = a.Length;
        if (n < 8)
        {
            var res = 0.0;
            for (var i = 0; i < n; i++)
            {
                res += a[i];
            }

            return res;
        }

        if (n <= BlockSize)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            var i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }

            var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                res += a[i];
            }

            return res;
        }

        var n2 = n / 2;
        n2 -= n2 % 8;
        return Sum(a[..n2]) + Sum(a[n2..]);
    }

    /// <summary><c>np.average(values, weights)</c>: the pairwise sum of products over the pairwise sum of weights.</summary>
    /// <exception cref="ArgumentException">The weights sum to zero.</exception>
    public static double Average(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (weights.IsEmpty)
        {
            return Mean(values);
        }

        var products = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            products[i] = values[i] * weights[i];
        }

        var scale = Sum(weights);
        if (scale == 0)
        {
            throw new ArgumentException("The sample weights sum to zero, so the weighted average is undefined; give at least one sample a non-zero weight.", "sampleWeight");
        }

        return Sum(products) / scale;
    }

    /// <summary><c>np.mean</c>: NaN with a RuntimeWarning for an empty input.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            MetricWarnings.Warn(MetricWarning.Runtime, "Mean of empty slice.");
            return double.NaN;
        }

        return Sum(values) / values.Length;
    }

    /// <summary>Sequential dot product (scikit-learn's <c>np.dot</c> for small vectors).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary><c>np.trapz(y, x)</c>: the trapezoid rule with numpy's summation order.</summary>
    public static double Trapezoid(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        if (x.Length < 2)
        {
            return 0.0;
        }

        var parts = new double[x.Length - 1];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        }

        return Sum(parts);
    }

    /// <summary>numpy's <c>np.median</c> of a copy of <paramref name="values"/>.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;
    }
}
