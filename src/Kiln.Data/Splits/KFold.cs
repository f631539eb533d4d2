namespace Kiln.Data;

/// <summary>K-fold cross-validation: each row is in the test fold exactly once.</summary>
/// <remarks>
/// scikit-learn: <c>KFold(n_splits, shuffle, random_state)</c>. The first n mod k folds hold one extra row, as scikit-learn;
/// without shuffling the folds are scikit-learn's exactly. With shuffling the rows are permuted reproducibly for the seed,
/// but not with numpy's generator, so which rows share a fold differs from scikit-learn. Indices come sorted.
/// </remarks>
public sealed class KFold
{
    /// <summary>Creates the splitter.</summary>
    /// <param name="splits">The number of folds, at least 2.</param>
    /// <param name="shuffle">Whether to shuffle the rows before cutting folds.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    public KFold(int splits = 5, bool shuffle = false, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(splits, 2);
        (Splits, Shuffle, Seed) = (splits, shuffle, seed);
    }

    /// <summary>The number of folds.</summary>
    public int Splits { get; }

    /// <summary>Whether rows are shuffled before cutting folds.</summary>
    public bool Shuffle { get; }

    /// <summary>The seed of the shuffle.</summary>
    public int Seed { get; }

    /// <summary>Returns the train and test indices of each fold over <paramref name="rows"/> rows.</summary>
    public IEnumerable<SplitIndices> Split(int rows)
    {
        if (rows < Splits)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"Cannot make {Splits} folds from {rows} rows; use fewer folds.");
        }

        return Folds(rows);
    }

    /// <summary>Returns the train and test rows of each fold of <paramref name="frame"/>.</summary>
    public IEnumerable<(Frame Train, Frame Test)> Split(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Split(frame.RowCount).Select(s => s.Apply(frame));
    }

    private IEnumerable<SplitIndices> Folds(int rows)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        if (Shuffle)
        {
            new Random(Seed).Shuffle(order);
        }

        var start = 0;
        for (var f = 0; f < Splits; f++)
        {
            var size = (rows / Splits) + (f < rows % Splits ? 1 : 0);
            var test = new bool[rows];
            for (var i = start; i < start + size; i++)
            {
                test[order[i]] = true;
            }

            start += size;
            yield return FoldMask.ToIndices(test);
        }
    }
}

/// <summary>Turns a test mask into sorted train and test indices.</summary>
internal static class FoldMask
{
    public static SplitIndices ToIndices(bool[] test) => new(
        Enumerable.Range(0, test.Length).Where(i => !test[i]).ToArray(),
        Enumerable.Range(0, test.Length).Where(i => test[i]).ToArray());
}
