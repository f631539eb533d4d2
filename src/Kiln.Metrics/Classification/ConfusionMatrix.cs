using System.Text;
using Kiln.Display;
using Kiln.Metrics.Internal;

namespace Kiln.Metrics;

/// <summary>A confusion matrix: rows are actual classes, columns predicted classes, both in label order.</summary>
/// <remarks>scikit-learn: <c>confusion_matrix</c> (C[i, j] = samples of class i predicted as j). ML.NET: <c>ConfusionTableCounts</c>.</remarks>
public sealed class ConfusionMatrix : IDisplayable
{
    private readonly double[,] _values;

    internal ConfusionMatrix(string[] labels, double[,] values)
    {
        Labels = labels;
        _values = values;
    }

    /// <summary>The class labels (as text) indexing both rows and columns.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The number of classes.</summary>
    public int Count => Labels.Count;

    /// <summary>The (weighted, possibly normalized) count of samples of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public double this[int actual, int predicted] => _values[actual, predicted];

    /// <summary>Returns a copy of the matrix as a 2-D array.</summary>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>Returns a plain-text table with actual classes down the side and predicted classes across.</summary>
    public override string ToString()
    {
        var cells = new string[Count + 1][];
        cells[0] = ["actual \\ predicted", .. Labels];
        for (var i = 0; i < Count; i++)
        {
            cells[i + 1] = [Labels[i], .. Enumerable.Range(0, Count).Select(j => Html.Number(_values[i, j]))];
        }

        var widths = Enumerable.Range(0, Count + 1).Select(c => cells.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in cells)
        {
            sb.AppendJoin("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle()
    {
        var rows = Enumerable.Range(0, Count).Select(i => (IEnumerable<string>)[Labels[i], .. Enumerable.Range(0, Count).Select(j => Html.Number(_values[i, j]))]);
        var html = Html.Table("Confusion matrix (rows: actual, columns: predicted)", ["actual \\ predicted", .. Labels], rows);
        return new MimeBundle().Add(MimeTypes.Html, html).Add(MimeTypes.PlainText, ToString());
    }
}
