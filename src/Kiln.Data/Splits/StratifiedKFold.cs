namespace Kiln.Data;

/// <summary>K-fold cross-validation whose folds keep the class proportions of a label column.</summary>
/// <remarks>
/// scikit-learn: <c>StratifiedKFold(n_splits, shuffle, random_state)</c>, with the same allocation: classes are numbered by first
/// appearance, the sorted labels are dealt round-robin to folds, and each class's rows get their fold numbers in row order.
/// Without shuffling the folds are scikit-learn's exactly; with shuffling the per-class, per-fold counts are the same but
/// the rows chosen differ (another generator than numpy's). Indices come sorted.
/// </remarks>
public sealed class StratifiedKFold
{
    /// <summary>Creates the splitter.</summary>
    /// <param name="splits">The number of folds, at least 2.</param>
    /// <param name="shuffle">Whether to shuffle each class's fold numbers.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    public StratifiedKFold(int splits = 5, bool shuffle = false, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(splits, 2);
        (Splits, Shuffle, Seed) = (splits, shuffle, seed);
    }

    /// <summary>The number of folds.</summary>
    public int Splits { get; }

    /// <summary>Whether each class's fold numbers are shuffled.</summary>
    public bool Shuffle { get; }

    /// <summary>The seed of the shuffle.</summary>
    public int Seed { get; }

    /// <summary>Returns the train and test indices of each fold, stratified by <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">Every class has fewer rows than folds.</exception>
    public IEnumerable<SplitIndices> Split(DataColumn labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length < Splits)
        {
            throw new ArgumentOutOfRangeException(nameof(labels), labels.Length, $"Cannot make {Splits} folds from {labels.Length} rows; use fewer folds.");
        }

        var (codes, counts) = Labels.Encode(labels, sorted: false);
        if (counts.All(c => c < Splits))
        {
            throw new ArgumentException($"Every class of '{labels.Name}' has fewer rows than the {Splits} folds; use fewer folds.", nameof(labels));
        }

        return Folds(codes, counts);
    }

    /// <summary>Returns the train and test rows of each fold of <paramref name="frame"/>, stratified by the <paramref name="labelColumn"/> column.</summary>
    public IEnumerable<(Frame Train, Frame Test)> Split(Frame frame, string labelColumn)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Split(frame[labelColumn]).Select(s => s.Apply(frame));
    }

    private IEnumerable<SplitIndices> Folds(int[] codes, int[] counts)
    {
        var sorted = codes.Order().ToArray();
        var allocation = new int[Splits, counts.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            allocation[i % Splits, sorted[i]]++;
        }

        var rng = new Random(Seed);
        var testFold = new int[codes.Length];
        for (var k = 0; k < counts.Length; k++)
        {
            var folds = Enumerable.Range(0, Splits).SelectMany(f => Enumerable.Repeat(f, allocation[f, k])).ToArray();
            if (Shuffle)
            {
                rng.Shuffle(folds);
            }

            var next = 0;
            for (var i = 0; i < codes.Length; i++)
            {
                if (codes[i] == k)
                {
                    testFold[i] = folds[next++];
                }
            }
        }

        for (var f = 0; f < Splits; f++)
        {
            yield return FoldMask.ToIndices(testFold.Select(t => t == f).ToArray());
        }
    }
}
