namespace Kiln.Data;

/// <summary>Train/test splitting with scikit-learn's sizes.</summary>
/// <remarks>
/// scikit-learn: <c>train_test_split(test_size=..., shuffle=..., stratify=..., random_state=seed)</c>.
/// The train and test sizes, and with stratification the rows per class (scikit-learn's <c>_approximate_mode</c>), equal scikit-learn's;
/// which rows land where is reproducible for a seed but differs from numpy's generator, and so do per-class counts where
/// scikit-learn breaks a tie between equal remainders at random. Without shuffling the split is scikit-learn's exactly.
/// </remarks>
public static class Splits
{
    /// <summary>Splits the rows, with the test set a fraction of them (rounded up, as scikit-learn).</summary>
    /// <param name="frame">The rows to split.</param>
    /// <param name="testFraction">The test share, strictly between 0 and 1; scikit-learn's default is 0.25.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <param name="stratify">A label column whose class proportions both parts keep, or null.</param>
    /// <param name="shuffle">Whether to shuffle before splitting; stratifying needs it.</param>
    public static (Frame Train, Frame Test) TrainTestSplit(Frame frame, double testFraction = 0.25, int seed = 0, string? stratify = null, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be strictly between 0 and 1; pass a count as an int.");
        }

        var nTest = (int)Math.Ceiling(testFraction * frame.RowCount);
        return TrainTestIndices(frame, nTest, seed, stratify, shuffle).Apply(frame);
    }

    /// <summary>Splits the rows, with the test set a number of rows.</summary>
    /// <param name="frame">The rows to split.</param>
    /// <param name="testCount">The test rows, at least 1 and fewer than the rows.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <param name="stratify">A label column whose class proportions both parts keep, or null.</param>
    /// <param name="shuffle">Whether to shuffle before splitting; stratifying needs it.</param>
    public static (Frame Train, Frame Test) TrainTestSplit(Frame frame, int testCount, int seed = 0, string? stratify = null, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return TrainTestIndices(frame, testCount, seed, stratify, shuffle).Apply(frame);
    }

    /// <summary>Returns the row indices of a train/test split with <paramref name="testCount"/> test rows.</summary>
    public static SplitIndices TrainTestIndices(Frame frame, int testCount, int seed = 0, string? stratify = null, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var n = frame.RowCount;
        if (testCount <= 0 || testCount >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(testCount), testCount,
                $"The test set must hold between 1 and {n - 1} of the {n} rows so that neither part is empty.");
        }

        var nTrain = n - testCount;
        var rng = new Random(seed);
        if (stratify is null)
        {
            var rows = Enumerable.Range(0, n).ToArray();
            if (!shuffle)
            {
                return new SplitIndices(rows[..nTrain], rows[nTrain..]);
            }

            rng.Shuffle(rows);
            return new SplitIndices(rows[testCount..], rows[..testCount]);
        }

        if (!shuffle)
        {
            throw new ArgumentException("Stratified splitting needs shuffle = true, as in scikit-learn.", nameof(shuffle));
        }

        return Stratified(frame[stratify], nTrain, testCount, rng);
    }

    private static SplitIndices Stratified(DataColumn labels, int nTrain, int nTest, Random rng)
    {
        var (codes, counts) = Labels.Encode(labels, sorted: true);
        if (counts.Min() < 2)
        {
            throw new ArgumentException(
                $"The least populated class in '{labels.Name}' has only 1 member; every class needs at least 2 to stratify.", nameof(labels));
        }

        if (nTrain < counts.Length || nTest < counts.Length)
        {
            throw new ArgumentException(
                $"Train ({nTrain}) and test ({nTest}) sizes must each be at least the number of classes ({counts.Length}).", nameof(labels));
        }

        var trainPerClass = ApproximateMode(counts, nTrain, rng);
        var testPerClass = ApproximateMode(counts.Select((c, i) => c - trainPerClass[i]).ToArray(), nTest, rng);
        var train = new List<int>();
        var test = new List<int>();
        for (var k = 0; k < counts.Length; k++)
        {
            var rows = Enumerable.Range(0, codes.Length).Where(i => codes[i] == k).ToArray();
            rng.Shuffle(rows);
            train.AddRange(rows.Take(trainPerClass[k]));
            test.AddRange(rows.Skip(trainPerClass[k]).Take(testPerClass[k]));
        }

        var trainRows = train.ToArray();
        var testRows = test.ToArray();
        rng.Shuffle(trainRows);
        rng.Shuffle(testRows);
        return new SplitIndices(trainRows, testRows);
    }

    /// <summary>Distributes <paramref name="draws"/> over classes in proportion to <paramref name="counts"/>, as scikit-learn's <c>_approximate_mode</c>.</summary>
    internal static int[] ApproximateMode(int[] counts, int draws, Random rng)
    {
        var total = (double)counts.Sum();
        var continuous = counts.Select(c => c / total * draws).ToArray();
        var floored = continuous.Select(Math.Floor).ToArray();
        var need = (int)(draws - floored.Sum());
        var remainders = continuous.Select((c, i) => c - floored[i]).ToArray();
        foreach (var value in remainders.Distinct().OrderDescending())
        {
            if (need <= 0)
            {
                break;
            }

            var tied = Enumerable.Range(0, counts.Length).Where(i => remainders[i] == value).ToArray();
            rng.Shuffle(tied);
            foreach (var i in tied.Take(need))
            {
                floored[i]++;
            }

            need -= Math.Min(need, tied.Length);
        }

        return floored.Select(f => (int)f).ToArray();
    }
}
