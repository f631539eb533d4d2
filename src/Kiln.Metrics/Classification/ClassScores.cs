using System.Globalization;
using System.Text;
using Kiln.Display;
using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>Per-class precision, recall, F-beta and support.</summary>
/// <remarks>scikit-learn: <c>precision_recall_fscore_support(average=None)</c>; support is the (weighted) count of true samples.</remarks>
public sealed class ClassScores : IDisplayable
{
    internal ClassScores(string[] labels, double[] precision, double[] recall, double[] fScore, double[] support, double beta)
    {
        Labels = labels;
        Precision = precision;
        Recall = recall;
        FScore = fScore;
        Support = support;
        Beta = beta;
    }

    /// <summary>The class labels, in the order of the score arrays, as text.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Precision per class.</summary>
    public IReadOnlyList<double> Precision { get; }

    /// <summary>Recall per class.</summary>
    public IReadOnlyList<double> Recall { get; }

    /// <summary>F-beta score per class.</summary>
    public IReadOnlyList<double> FScore { get; }

    /// <summary>The number (or total sample weight) of true samples per class.</summary>
    public IReadOnlyList<double> Support { get; }

    /// <summary>The beta of the F-score (1 for F1).</summary>
    public double Beta { get; }

    /// <summary>Returns a plain-text table with one row per class.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"label",-12} {"precision",10} {"recall",10} {"f-score",10} {"support",10}").Append('\n');
        for (var i = 0; i < Labels.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Labels[i],-12} {Html.Number(Precision[i]),10} {Html.Number(Recall[i]),10} {Html.Number(FScore[i]),10} {Html.Number(Support[i]),10}")
                .Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle()
    {
        var rows = Labels.Select((l, i) => new[] { l, Html.Number(Precision[i]), Html.Number(Recall[i]), Html.Number(FScore[i]), Html.Number(Support[i]) });
        var html = Html.Table("Per-class scores", ["label", "precision", "recall", "f-score", "support"], rows);
        return new MimeBundle().Add(MimeTypes.Html, html).Add(MimeTypes.PlainText, ToString());
    }
}
