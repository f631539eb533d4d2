namespace Kiln.Metrics;

/// <summary>A decision threshold with the precision, recall and F-score obtained by predicting positive when score ≥ threshold.</summary>
/// <param name="Threshold">The score threshold (one of the distinct scores).</param>
/// <param name="Precision">The precision at this threshold.</param>
/// <param name="Recall">The recall at this threshold.</param>
/// <param name="FScore">The F-beta score at this threshold (F1 unless another beta was asked for).</param>
public readonly record struct ThresholdPoint(double Threshold, double Precision, double Recall, double FScore);
