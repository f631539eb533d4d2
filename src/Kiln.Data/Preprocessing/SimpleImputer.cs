using System.Globalization;
using System.Text.Json.Serialization;

namespace Kiln.Data.Preprocessing;

/// <summary>How <see cref="SimpleImputer"/> chooses the fill value of a column.</summary>
/// <remarks>scikit-learn: <c>SimpleImputer(strategy=...)</c>.</remarks>
public enum ImputeStrategy
{
    /// <summary>The mean of the non-null values (numeric columns).</summary>
    Mean,

    /// <summary>The median of the non-null values (numeric columns).</summary>
    Median,

    /// <summary>The most frequent value; ties go to the smallest value, as scikit-learn.</summary>
    MostFrequent,

    /// <summary>The <see cref="SimpleImputer.FillValue"/>.</summary>
    Constant,
}

/// <summary>Fills the nulls of columns with a statistic learned from them (mean, median, most frequent) or a constant.</summary>
/// <remarks>
/// scikit-learn: <c>SimpleImputer(strategy, fill_value)</c>. Mean and median give Float64 columns; most-frequent and constant
/// keep the column's kind. A constant without <see cref="FillValue"/> is 0 for numbers and "missing_value" for text, as scikit-learn.
/// </remarks>
public sealed class SimpleImputer : Transformer
{
    /// <summary>Creates an unfitted imputer with no columns; set <see cref="Columns"/>.</summary>
    public SimpleImputer()
    {
    }

    /// <summary>Creates an unfitted imputer for the named columns.</summary>
    public SimpleImputer(ImputeStrategy strategy, params string[] columns) => (Strategy, Columns) = (strategy, columns);

    /// <summary>The columns to fill.</summary>
    public string[] Columns { get; init; } = [];

    /// <summary>How the fill value is chosen; defaults to the mean.</summary>
    public ImputeStrategy Strategy { get; init; } = ImputeStrategy.Mean;

    /// <summary>The fill value of <see cref="ImputeStrategy.Constant"/>, as invariant text.</summary>
    public string? FillValue { get; init; }

    /// <summary>The learned fill value of each column, as invariant text (scikit-learn <c>statistics_</c>).</summary>
    [JsonInclude]
    public string[]? Statistics { get; private set; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override bool IsFitted => Statistics is not null;

    /// <inheritdoc/>
    protected override void FitCore(Frame frame)
    {
        var numeric = Strategy is ImputeStrategy.Mean or ImputeStrategy.Median;
        Statistics = Resolve(frame, Columns, numeric).Select(c => Learn(c)).ToArray();
    }

    /// <inheritdoc/>
    protected override Frame TransformCore(Frame frame)
    {
        var result = frame;
        for (var j = 0; j < Columns.Length; j++)
        {
            var column = frame[Columns[j]];
            var value = Statistics![j];
            DataColumn filled = Strategy is ImputeStrategy.Mean or ImputeStrategy.Median
                ? new PrimitiveColumn<double>(column.Name, Enumerable.Range(0, column.Length)
                    .Select(i => column.IsNull(i) ? double.Parse(value, CultureInfo.InvariantCulture) : column.GetDouble(i)))
                : column.FillNulls(value);
            result = result.AddColumn(filled);
        }

        return result;
    }

    private string Learn(DataColumn column)
    {
        if (Strategy == ImputeStrategy.Constant)
        {
            return FillValue ?? (column.IsNumeric ? "0" : "missing_value");
        }

        if (column.NullCount == column.Length)
        {
            throw new ArgumentException($"Column '{column.Name}' has only nulls; use the Constant strategy or drop it.", nameof(column));
        }

        if (Strategy == ImputeStrategy.MostFrequent)
        {
            var counts = new Dictionary<object, (int Row, int Count)>();
            for (var i = 0; i < column.Length; i++)
            {
                if (!column.IsNull(i))
                {
                    var key = column.GetKey(i);
                    counts[key] = counts.TryGetValue(key, out var e) ? (e.Row, e.Count + 1) : (i, 1);
                }
            }

            var max = counts.Values.Max(e => e.Count);
            var rows = counts.Values.Where(e => e.Count == max).Select(e => e.Row).ToArray();
            Array.Sort(rows, column.CompareRows);
            return column.FormatValue(rows[0]);
        }

        var x = ValidValues(column);
        double stat;
        if (Strategy == ImputeStrategy.Mean)
        {
            var sum = 0.0;
            foreach (var v in x)
            {
                sum += v;
            }

            stat = sum / x.Length;
        }
        else
        {
            Array.Sort(x);
            stat = x.Length % 2 == 1 ? x[x.Length / 2] : (x[(x.Length / 2) - 1] + x[x.Length / 2]) / 2;
        }

        return stat.ToString("R", CultureInfo.InvariantCulture);
    }
}
