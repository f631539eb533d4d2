namespace Kiln.Metrics;

/// <summary>Averaged precision, recall and F-beta score.</summary>
/// <param name="Precision">The averaged precision.</param>
/// <param name="Recall">The averaged recall.</param>
/// <param name="FScore">The averaged F-beta score.</param>
/// <remarks>scikit-learn: <c>precision_recall_fscore_support(average=...)</c> (whose support is then None).</remarks>
public readonly record struct PrecisionRecallFScore(double Precision, double Recall, double FScore);
