using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>Metrics of predicted class probabilities or scores: log loss and top-k accuracy.</summary>
/// <remarks>scikit-learn 1.2 semantics; probability columns are in sorted label order.</remarks>
public static class ProbabilityMetrics
{
    /// <summary>The machine epsilon of <see cref="double"/>, scikit-learn 1.2's default clipping (<c>eps='auto'</c>).</summary>
    public const double DefaultEpsilon = 2.220446049250313e-16;

    /// <summary>The cross-entropy (negative log-likelihood) of class probabilities.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yProb">Probabilities, one row per sample, columns in sorted label order (rows are renormalized to sum to 1).</param>
    /// <param name="labels">All class labels, when yTrue lacks some; null for the labels in yTrue.</param>
    /// <param name="normalize">True for the mean loss per sample, false for the (weighted) sum.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="eps">Probabilities are clipped to [eps, 1 − eps]; null for <see cref="DefaultEpsilon"/>.</param>
    /// <remarks>
    /// scikit-learn 1.2: log_loss with eps='auto' (the float64 machine epsilon; older releases used 1e-15), so a
    /// confident wrong prediction costs about 36 rather than +∞. ML.NET clamps multiclass at 1e-15 and binary not at all.
    /// </remarks>
    public static double LogLoss(
        ReadOnlySpan<int> yTrue, double[,] yProb, int[]? labels = null, bool normalize = true, ReadOnlySpan<double> sampleWeight = default, double? eps = null)
    {
        ArgumentNullException.ThrowIfNull(yProb);
        var n = yProb.GetLength(0);
        var k = yProb.GetLength(1);
        var flat = new double[n * k];
        Buffer.BlockCopy(yProb, 0, flat, 0, flat.Length * sizeof(double));
        return LogLossCore(yTrue, flat, n, k, labels, normalize, sampleWeight, Epsilon(eps));
    }

    /// <summary>The cross-entropy of class probabilities given as one array per sample.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yProb">Probabilities, one array per sample, in sorted label order.</param>
    /// <param name="labels">All class labels, when yTrue lacks some; null for the labels in yTrue.</param>
    /// <param name="normalize">True for the mean loss per sample, false for the (weighted) sum.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="eps">Probabilities are clipped to [eps, 1 − eps]; null for <see cref="DefaultEpsilon"/>.</param>
    /// <remarks>scikit-learn: log_loss.</remarks>
    public static double LogLoss(
        ReadOnlySpan<int> yTrue, double[][] yProb, int[]? labels = null, bool normalize = true, ReadOnlySpan<double> sampleWeight = default, double? eps = null) =>
        LogLoss(yTrue, Matrix.FromJagged(yProb, nameof(yProb)), labels, normalize, sampleWeight, eps);

    /// <summary>The binary cross-entropy of the probabilities of the greater label.</summary>
    /// <param name="yTrue">The true labels (two classes; the probability is of the greater one).</param>
    /// <param name="yProb">The probability of the greater label per sample.</param>
    /// <param name="labels">Both class labels, when yTrue has only one; null for the labels in yTrue.</param>
    /// <param name="normalize">True for the mean loss per sample, false for the (weighted) sum.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="eps">Probabilities are clipped to [eps, 1 − eps]; null for <see cref="DefaultEpsilon"/>.</param>
    /// <remarks>scikit-learn: log_loss with a 1-D y_pred.</remarks>
    public static double LogLoss(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yProb, int[]? labels = null, bool normalize = true, ReadOnlySpan<double> sampleWeight = default, double? eps = null)
    {
        Guard.Finite(yProb, "yProb");
        var e = Epsilon(eps);
        var flat = new double[yProb.Length * 2];
        for (var i = 0; i < yProb.Length; i++)
        {
            var p = Math.Clamp(yProb[i], e, 1 - e);
            flat[2 * i] = 1 - p;
            flat[(2 * i) + 1] = p;
        }

        return LogLossCore(yTrue, flat, yProb.Length, 2, labels, normalize, sampleWeight, e);
    }

    /// <summary>The fraction of samples whose true class is among the <paramref name="k"/> highest scores.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yScore">Scores, one row per sample, columns in sorted label order.</param>
    /// <param name="k">How many top-scored classes count as a hit.</param>
    /// <param name="labels">All class labels (sorted), when yTrue lacks some; null for the labels in yTrue.</param>
    /// <param name="normalize">True for the fraction, false for the (weighted) count.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: top_k_accuracy_score. Ties: among equal scores the later column ranks first, as scikit-learn.</remarks>
    public static double TopKAccuracy(
        ReadOnlySpan<int> yTrue, double[,] yScore, int k = 2, int[]? labels = null, bool normalize = true, ReadOnlySpan<double> sampleWeight = default)
    {
        ArgumentNullException.ThrowIfNull(yScore);
        return TopK.Compute(yTrue, yScore, k, labels, normalize, sampleWeight);
    }

    /// <summary>The top-k accuracy of scores given as one array per sample.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yScore">Scores, one array per sample, in sorted label order.</param>
    /// <param name="k">How many top-scored classes count as a hit.</param>
    /// <param name="labels">All class labels (sorted), when yTrue lacks some; null for the labels in yTrue.</param>
    /// <param name="normalize">True for the fraction, false for the (weighted) count.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: top_k_accuracy_score.</remarks>
    public static double TopKAccuracy(
        ReadOnlySpan<int> yTrue, double[][] yScore, int k = 2, int[]? labels = null, bool normalize = true, ReadOnlySpan<double> sampleWeight = default) =>
        TopKAccuracy(yTrue, Matrix.FromJagged(yScore, nameof(yScore)), k, labels, normalize, sampleWeight);

    /// <summary>The top-k accuracy of binary scores (the score of the greater label); with k = 1 it is plain accuracy.</summary>
    /// <param name="yTrue">The true labels (two classes).</param>
    /// <param name="yScore">The score of the greater label per sample.</param>
    /// <param name="k">1 for accuracy at threshold 0.5 (scores in [0, 1]) or 0 (other scores); 2 or more is always 1.</param>
    /// <param name="labels">Both class labels (sorted), when yTrue has only one; null for the labels in yTrue.</param>
    /// <param name="normalize">True for the fraction, false for the (weighted) count.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: top_k_accuracy_score with a 1-D y_score; a score equal to the threshold counts as negative.</remarks>
    public static double TopKAccuracy(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int k = 2, int[]? labels = null, bool normalize = true, ReadOnlySpan<double> sampleWeight = default)
    {
        var column = new double[yScore.Length, 1];
        for (var i = 0; i < yScore.Length; i++)
        {
            column[i, 0] = yScore[i];
        }

        return TopK.Compute(yTrue, column, k, labels, normalize, sampleWeight);
    }

    private static double Epsilon(double? eps)
    {
        var e = eps ?? DefaultEpsilon;
        if (!(e >= 0 && e < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), e, "eps must be in [0, 0.5); probabilities are clipped to [eps, 1 - eps].");
        }

        return e;
    }

    private static double LogLossCore(
        ReadOnlySpan<int> yTrue, double[] flat, int n, int k, int[]? labels, bool normalize, ReadOnlySpan<double> sampleWeight, double eps)
    {
        Guard.SameLength(yTrue.Length, "yTrue", n, "yProb");
        Guard.NotEmpty(n, "yTrue");
        Guard.Weights(sampleWeight, n, "yTrue");
        Guard.Finite(flat, "yProb");
        var truth = yTrue.ToArray();
        var classes = LabelOrder<int>.Unique(labels ?? truth);
        if (classes.Length == 1)
        {
            throw new ArgumentException(
                labels is null
                    ? $"yTrue contains only one label ({classes[0]}); pass all class labels through the labels argument."
                    : $"labels must contain at least two labels for log loss, got [{classes[0]}].",
                nameof(labels));
        }

        if (classes.Length != k)
        {
            throw new ArgumentException(
                $"There are {classes.Length} classes ({(labels is null ? "in yTrue" : "in labels")}) but yProb has {k} columns; "
                + "pass labels naming every column's class.", nameof(labels));
        }

        var losses = new double[n];
        var row = new double[k];
        for (var i = 0; i < n; i++)
        {
            var c = Array.BinarySearch(classes, truth[i]);
            if (c < 0)
            {
                throw new ArgumentException($"yTrue[{i}] = {truth[i]} is not in labels; every true label needs a probability column.", nameof(yTrue));
            }

            for (var j = 0; j < k; j++)
            {
                row[j] = Math.Clamp(flat[(i * k) + j], eps, 1 - eps);
            }

            var sum = NumpyMath.Sum(row);
            losses[i] = -Math.Log(row[c] / sum);
        }

        if (normalize)
        {
            return NumpyMath.Average(losses, sampleWeight);
        }

        return sampleWeight.IsEmpty ? NumpyMath.Sum(losses) : NumpyMath.Dot(losses, sampleWeight);
    }
}
