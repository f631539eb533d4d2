using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

public static partial class ClassificationMetrics
{
    /// <summary>Evaluates binary probabilities at a threshold: the ML.NET-style summary of every usual binary metric.</summary>
    /// <param name="yTrue">The true labels, 0 (negative) or 1 (positive).</param>
    /// <param name="probability">The predicted probability of class 1, in [0, 1].</param>
    /// <param name="threshold">A sample is predicted positive when its probability is at least this value.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>
    /// ML.NET: <c>BinaryClassificationCatalog.Evaluate</c> → <c>CalibratedBinaryClassificationMetrics</c>. Each number is
    /// the scikit-learn metric of the same meaning with <see cref="ZeroDivision.Zero"/>; the AUPRC is the step-wise
    /// average precision; a single-class input gives a NaN ROC AUC with a warning.
    /// </remarks>
    public static BinaryClassificationSummary EvaluateBinary(
        ReadOnlySpan<int> yTrue, ReadOnlySpan<double> probability, double threshold = 0.5, ReadOnlySpan<double> sampleWeight = default)
    {
        Guard.SameLength(yTrue.Length, "yTrue", probability.Length, "probability");
        Guard.NotEmpty(yTrue.Length, "yTrue");
        Guard.Finite(probability, "probability");
        var predicted = new int[yTrue.Length];
        var hasPositive = false;
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (yTrue[i] is not (0 or 1))
            {
                throw new ArgumentException($"yTrue[{i}] is {yTrue[i]}; EvaluateBinary needs labels 0 (negative) and 1 (positive).", nameof(yTrue));
            }

            if (probability[i] is < 0 or > 1)
            {
                throw new ArgumentException($"probability[{i}] is {probability[i]}; pass probabilities in [0, 1] (apply a sigmoid to raw scores).", nameof(probability));
            }

            hasPositive |= yTrue[i] == 1;
            predicted[i] = probability[i] >= threshold ? 1 : 0;
        }

        const ZeroDivision zd = ZeroDivision.Zero;
        return new BinaryClassificationSummary
        {
            Threshold = threshold,
            Accuracy = Accuracy(yTrue, predicted, sampleWeight: sampleWeight),
            PositivePrecision = Precision(yTrue, predicted, posLabel: 1, sampleWeight: sampleWeight, zeroDivision: zd),
            PositiveRecall = Recall(yTrue, predicted, posLabel: 1, sampleWeight: sampleWeight, zeroDivision: zd),
            F1Score = F1(yTrue, predicted, posLabel: 1, sampleWeight: sampleWeight, zeroDivision: zd),
            NegativePrecision = Precision(yTrue, predicted, posLabel: 0, sampleWeight: sampleWeight, zeroDivision: zd),
            NegativeRecall = Recall(yTrue, predicted, posLabel: 0, sampleWeight: sampleWeight, zeroDivision: zd),
            AreaUnderRocCurve = RankingMetrics.RocAuc(yTrue, probability, sampleWeight),
            AreaUnderPrecisionRecallCurve = hasPositive ? RankingMetrics.AveragePrecision(yTrue, probability, 1, sampleWeight) : 0.0,
            LogLoss = ProbabilityMetrics.LogLoss(yTrue, probability, [0, 1], sampleWeight: sampleWeight),
            ConfusionMatrix = ClassificationImpl.Confusion(yTrue, (ReadOnlySpan<int>)predicted, [0, 1], sampleWeight, ConfusionMatrixNormalization.None),
        };
    }
}
