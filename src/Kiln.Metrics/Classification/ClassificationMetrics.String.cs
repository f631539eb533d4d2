using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

public static partial class ClassificationMetrics
{
    /// <summary>The fraction (or, with <paramref name="normalize"/> false, the number) of correctly classified samples.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="normalize">True for the fraction, false for the (weighted) count.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: accuracy_score.</remarks>
    public static double Accuracy(ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, bool normalize = true, ReadOnlySpan<double> sampleWeight = default) =>
        ClassificationImpl.Accuracy(yTrue, yPred, normalize, sampleWeight);

    /// <summary>The mean per-class recall, optionally adjusted so that chance scores 0.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="adjusted">Rescale so that random guessing scores 0 and perfect prediction 1.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: balanced_accuracy_score (ML.NET's MacroAccuracy). Classes only predicted are dropped with a warning.</remarks>
    public static double BalancedAccuracy(ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, bool adjusted = false, ReadOnlySpan<double> sampleWeight = default) =>
        ClassificationImpl.BalancedAccuracy(yTrue, yPred, adjusted, sampleWeight);

    /// <summary>Precision tp / (tp + fp), for the positive class or averaged over classes.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (scikit-learn's pos_label; 1 for numbers, required for strings).</param>
    /// <param name="labels">The labels to score (a subset, or extra labels that then score 0); null for all present labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="zeroDivision">The value when no sample is predicted positive.</param>
    /// <remarks>scikit-learn: precision_score.</remarks>
    public static double Precision(
        ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, Average average = Average.Binary, string? posLabel = null, string[]? labels = null,
        ReadOnlySpan<double> sampleWeight = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        ClassificationImpl.Score(yTrue, yPred, 1.0, average, ClassificationImpl.Pos(posLabel), labels, sampleWeight, zeroDivision, WarnFor.Precision);

    /// <summary>Recall tp / (tp + fn), for the positive class or averaged over classes.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (scikit-learn's pos_label; 1 for numbers, required for strings).</param>
    /// <param name="labels">The labels to score (a subset, or extra labels that then score 0); null for all present labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="zeroDivision">The value when a class has no true samples.</param>
    /// <remarks>scikit-learn: recall_score. Micro recall of single-label data equals accuracy.</remarks>
    public static double Recall(
        ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, Average average = Average.Binary, string? posLabel = null, string[]? labels = null,
        ReadOnlySpan<double> sampleWeight = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        ClassificationImpl.Score(yTrue, yPred, 1.0, average, ClassificationImpl.Pos(posLabel), labels, sampleWeight, zeroDivision, WarnFor.Recall);

    /// <summary>The F1 score, the harmonic mean of precision and recall.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (scikit-learn's pos_label; 1 for numbers, required for strings).</param>
    /// <param name="labels">The labels to score (a subset, or extra labels that then score 0); null for all present labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="zeroDivision">The value substituted for ill-defined precision or recall.</param>
    /// <remarks>scikit-learn: f1_score. F = 2PR / (P + R) from P and R after zero-division substitution (the 1.2 rule), 0 when P + R = 0.</remarks>
    public static double F1(
        ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, Average average = Average.Binary, string? posLabel = null, string[]? labels = null,
        ReadOnlySpan<double> sampleWeight = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        ClassificationImpl.Score(yTrue, yPred, 1.0, average, ClassificationImpl.Pos(posLabel), labels, sampleWeight, zeroDivision, WarnFor.FScore);

    /// <summary>The F-beta score, which weighs recall <paramref name="beta"/> times as much as precision.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="beta">The recall weight (≥ 0; +∞ gives recall).</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (scikit-learn's pos_label; 1 for numbers, required for strings).</param>
    /// <param name="labels">The labels to score (a subset, or extra labels that then score 0); null for all present labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="zeroDivision">The value substituted for ill-defined precision or recall.</param>
    /// <remarks>scikit-learn: fbeta_score. F = (1 + β²)PR / (β²P + R), 0 when the denominator is 0.</remarks>
    public static double FBeta(
        ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, double beta, Average average = Average.Binary, string? posLabel = null, string[]? labels = null,
        ReadOnlySpan<double> sampleWeight = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        ClassificationImpl.Score(yTrue, yPred, beta, average, ClassificationImpl.Pos(posLabel), labels, sampleWeight, zeroDivision, WarnFor.FScore);

    /// <summary>Per-class precision, recall, F-beta and support.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="beta">The recall weight of the F-score (1 for F1).</param>
    /// <param name="labels">The labels to report, in order; null for all present labels, sorted.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="zeroDivision">The value substituted for ill-defined components.</param>
    /// <remarks>scikit-learn: precision_recall_fscore_support(average=None).</remarks>
    public static ClassScores PrecisionRecallFScoreSupport(
        ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, double beta = 1.0, string[]? labels = null,
        ReadOnlySpan<double> sampleWeight = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        ClassificationImpl.PerClass(yTrue, yPred, beta, labels, sampleWeight, zeroDivision);

    /// <summary>Averaged precision, recall and F-beta in one pass.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels.</param>
    /// <param name="beta">The recall weight of the F-score (1 for F1).</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (scikit-learn's pos_label; 1 for numbers, required for strings).</param>
    /// <param name="labels">The labels to score; null for all present labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="zeroDivision">The value substituted for ill-defined components.</param>
    /// <remarks>scikit-learn: precision_recall_fscore_support(average=...).</remarks>
    public static PrecisionRecallFScore PrecisionRecallFScoreAverage(
        ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, Average average, double beta = 1.0, string? posLabel = null, string[]? labels = null,
        ReadOnlySpan<double> sampleWeight = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        ClassificationImpl.Averaged(yTrue, yPred, average, beta, ClassificationImpl.Pos(posLabel), labels, sampleWeight, zeroDivision);

    /// <summary>The Jaccard index tp / (tp + fp + fn), for the positive class or averaged over classes.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (scikit-learn's pos_label; 1 for numbers, required for strings).</param>
    /// <param name="labels">The labels to score; null for all present labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="zeroDivision">The value when a class is neither true nor predicted.</param>
    /// <remarks>scikit-learn: jaccard_score.</remarks>
    public static double Jaccard(
        ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, Average average = Average.Binary, string? posLabel = null, string[]? labels = null,
        ReadOnlySpan<double> sampleWeight = default, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        ClassificationImpl.Jaccard(yTrue, yPred, average, ClassificationImpl.Pos(posLabel), labels, sampleWeight, zeroDivision);

    /// <summary>The confusion matrix, rows actual and columns predicted, in label order.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="labels">The labels indexing the matrix (samples with other labels are left out); null for all present, sorted.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="normalize">Normalize over rows, columns or everything; empty rows or columns give 0.</param>
    /// <remarks>scikit-learn: confusion_matrix.</remarks>
    public static ConfusionMatrix ConfusionMatrix(
        ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, string[]? labels = null, ReadOnlySpan<double> sampleWeight = default,
        ConfusionMatrixNormalization normalize = ConfusionMatrixNormalization.None) =>
        ClassificationImpl.Confusion(yTrue, yPred, labels, sampleWeight, normalize);

    /// <summary>The Matthews correlation coefficient (phi coefficient), from −1 to +1; 0 when undefined.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: matthews_corrcoef (multiclass by Gorodkin's R_K).</remarks>
    public static double MatthewsCorrCoef(ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        ClassificationImpl.Matthews(yTrue, yPred, sampleWeight);

    /// <summary>Cohen's kappa, the agreement between two labelings corrected for chance.</summary>
    /// <param name="y1">The labels of the first annotator.</param>
    /// <param name="y2">The labels of the second annotator.</param>
    /// <param name="labels">The labels to consider; null for all present labels.</param>
    /// <param name="weights">Plain, linear or quadratic disagreement weights (by label position).</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: cohen_kappa_score. NaN when the expected disagreement is 0 (a single class).</remarks>
    public static double CohenKappa(
        ReadOnlySpan<string> y1, ReadOnlySpan<string> y2, string[]? labels = null, KappaWeighting weights = KappaWeighting.None,
        ReadOnlySpan<double> sampleWeight = default) =>
        ClassificationImpl.Kappa(y1, y2, labels, weights, sampleWeight);

    /// <summary>The (weighted) fraction of wrongly predicted labels.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <remarks>scikit-learn: hamming_loss (equals 1 − accuracy for single-label data).</remarks>
    public static double HammingLoss(ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        ClassificationImpl.Hamming(yTrue, yPred, sampleWeight);

    /// <summary>Builds the per-class precision/recall/F1/support report with accuracy and averages.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="labels">The labels to report; with a subset the report shows a micro average instead of accuracy.</param>
    /// <param name="targetNames">Display names, one per label.</param>
    /// <param name="sampleWeight">Optional per-sample weights (empty for none).</param>
    /// <param name="digits">The decimals in the text output.</param>
    /// <param name="zeroDivision">The value substituted for ill-defined components.</param>
    /// <remarks>scikit-learn: classification_report; the report's ToString() is byte-equal to its text.</remarks>
    public static ClassificationReport ClassificationReport(
        ReadOnlySpan<string> yTrue, ReadOnlySpan<string> yPred, string[]? labels = null, IReadOnlyList<string>? targetNames = null,
        ReadOnlySpan<double> sampleWeight = default, int digits = 2, ZeroDivision zeroDivision = ZeroDivision.Warn) =>
        ClassificationImpl.Report(yTrue, yPred, labels, targetNames, sampleWeight, digits, zeroDivision);
}
