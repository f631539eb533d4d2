namespace Kiln.Metrics;

/// <summary>One row of a <see cref="ClassificationReport"/>: a class or an average.</summary>
/// <param name="Name">The class name (target name or label) or the average's heading (<c>accuracy</c>, <c>macro avg</c>...).</param>
/// <param name="Precision">The precision.</param>
/// <param name="Recall">The recall.</param>
/// <param name="F1Score">The F1 score.</param>
/// <param name="Support">The (weighted) number of true samples.</param>
public sealed record ClassificationReportRow(string Name, double Precision, double Recall, double F1Score, double Support);
