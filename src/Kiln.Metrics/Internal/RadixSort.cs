namespace Kiln.Metrics.Internal;

/// <summary>A stable least-significant-digit radix sort of finite doubles, carrying an index array along.</summary>
/// <remarks>
/// Stability makes equal scores keep their index order, as numpy's <c>argsort(kind="mergesort")</c>, which scikit-learn's
/// curves use; four 16-bit passes (fewer when a digit is the same for every key) beat a comparison sort on large inputs.
/// </remarks>
internal static class RadixSort
{
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Orders <paramref name="indices"/> by ascending <paramref name="scores"/> (its aligned scores); equal scores, −0 and +0 included, keep their order.</summary>
    /// <param name="scores">The score of each entry of <paramref name="indices"/>; not modified.</param>
    /// <param name="indices">The entries to order, reordered in place.</param>
    /// <returns>The order-preserving integer keys of the scores in sorted order (equal keys for equal scores).</returns>
    public static ulong[] SortAscending(ReadOnlySpan<double> scores, int[] indices)
    {
        var n = scores.Length;
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = Key(scores[i]);
        }

        var counts = new int[4 * Buckets];
        foreach (var k in keys)
        {
            counts[(int)(k & 0xFFFF)]++;
            counts[Buckets + (int)((k >> 16) & 0xFFFF)]++;
            counts[(2 * Buckets) + (int)((k >> 32) & 0xFFFF)]++;
            counts[(3 * Buckets) + (int)(k >> 48)]++;
        }

        var (sourceKeys, targetKeys) = (keys, new ulong[n]);
        var (sourceIndices, targetIndices) = (indices, new int[n]);
        for (var pass = 0; pass < 4; pass++)
        {
            var count = counts.AsSpan(pass * Buckets, Buckets);
            var shift = pass * DigitBits;
            if (n == 0 || count[(int)((sourceKeys[0] >> shift) & 0xFFFF)] == n)
            {
                continue; // every key has this digit: the pass would not move anything
            }

            var offset = 0;
            for (var b = 0; b < Buckets; b++)
            {
                (count[b], offset) = (offset, offset + count[b]);
            }

            for (var i = 0; i < n; i++)
            {
                var k = sourceKeys[i];
                var to = count[(int)((k >> shift) & 0xFFFF)]++;
                targetKeys[to] = k;
                targetIndices[to] = sourceIndices[i];
            }

            (sourceKeys, targetKeys) = (targetKeys, sourceKeys);
            (sourceIndices, targetIndices) = (targetIndices, sourceIndices);
        }

        if (!ReferenceEquals(sourceIndices, indices))
        {
            sourceIndices.AsSpan().CopyTo(indices);
        }

        return sourceKeys;
    }

    /// <summary>Maps a finite double to an unsigned key with the same order; −0 and +0 map alike.</summary>
    private static ulong Key(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value + 0.0);
        return (bits & 0x8000000000000000UL) != 0 ? ~bits : bits | 0x8000000000000000UL;
    }
}
