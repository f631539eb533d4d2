using System.Text;
using Kiln.Display;
using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>Per-class precision, recall, F1 and support with accuracy and averages, printed as scikit-learn prints it.</summary>
/// <remarks>scikit-learn: <c>classification_report</c>; <see cref="ToString"/> is byte-equal to its text output.</remarks>
public sealed class ClassificationReport : IDisplayable
{
    private const string Headings = "weighted avg";
    private readonly bool _supportIsCount;

    internal ClassificationReport(IReadOnlyList<ClassificationReportRow> classes, IReadOnlyList<ClassificationReportRow> averages, int digits, bool supportIsCount)
    {
        Classes = classes;
        Averages = averages;
        Digits = digits;
        _supportIsCount = supportIsCount;
    }

    /// <summary>One row per class.</summary>
    public IReadOnlyList<ClassificationReportRow> Classes { get; }

    /// <summary>The <c>accuracy</c> (or <c>micro avg</c>), <c>macro avg</c> and <c>weighted avg</c> rows.</summary>
    public IReadOnlyList<ClassificationReportRow> Averages { get; }

    /// <summary>The accuracy, or null when the report shows a micro average instead (a label subset was given).</summary>
    public double? Accuracy => Averages.FirstOrDefault(a => a.Name == "accuracy")?.F1Score;

    /// <summary>The number of decimals in the text output.</summary>
    public int Digits { get; }

    /// <summary>Returns the report text exactly as scikit-learn's <c>classification_report</c> returns it.</summary>
    public override string ToString()
    {
        var width = Math.Max(Math.Max(Classes.Count == 0 ? 0 : Classes.Max(c => c.Name.Length), Headings.Length), Digits);
        var sb = new StringBuilder();
        sb.Append(string.Empty.PadLeft(width)).Append(' ');
        foreach (var h in (string[])["precision", "recall", "f1-score", "support"])
        {
            sb.Append(' ').Append(h.PadLeft(9));
        }

        sb.Append("\n\n");
        foreach (var row in Classes)
        {
            AppendRow(sb, row, width);
        }

        sb.Append('\n');
        foreach (var row in Averages)
        {
            if (row.Name == "accuracy")
            {
                sb.Append(row.Name.PadLeft(width)).Append(' ')
                    .Append(' ').Append(string.Empty.PadLeft(9))
                    .Append(' ').Append(string.Empty.PadLeft(9))
                    .Append(' ').Append(PyFormat.Fixed(row.F1Score, Digits).PadLeft(9))
                    .Append(' ').Append(PyFormat.Support(row.Support, _supportIsCount).PadLeft(9)).Append('\n');
            }
            else
            {
                AppendRow(sb, row, width);
            }
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle()
    {
        var rows = Classes.Concat(Averages).Select(r => (IEnumerable<string>)
        [
            r.Name,
            r.Name == "accuracy" ? string.Empty : PyFormat.Fixed(r.Precision, Digits),
            r.Name == "accuracy" ? string.Empty : PyFormat.Fixed(r.Recall, Digits),
            PyFormat.Fixed(r.F1Score, Digits),
            PyFormat.Support(r.Support, _supportIsCount),
        ]);
        var html = Html.Table("Classification report", [string.Empty, "precision", "recall", "f1-score", "support"], rows);
        return new MimeBundle().Add(MimeTypes.Html, html).Add(MimeTypes.PlainText, ToString());
    }

    private void AppendRow(StringBuilder sb, ClassificationReportRow row, int width)
    {
        sb.Append(row.Name.PadLeft(width)).Append(' ');
        foreach (var v in (double[])[row.Precision, row.Recall, row.F1Score])
        {
            sb.Append(' ').Append(PyFormat.Fixed(v, Digits).PadLeft(9));
        }

        sb.Append(' ').Append(PyFormat.Support(row.Support, _supportIsCount).PadLeft(9)).Append('\n');
    }
}
