using System.Runtime.InteropServices;
using Kiln.Display;

namespace Kiln.Data;

/// <summary>Summary statistics of one column, as one column of pandas' <c>describe(include="all")</c>.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">The column kind.</param>
/// <param name="Count">The number of non-null values.</param>
/// <param name="NullCount">The number of nulls.</param>
/// <param name="Mean">The mean (numeric columns).</param>
/// <param name="Std">The sample standard deviation, ddof = 1 as pandas (numeric columns).</param>
/// <param name="Min">The minimum (numeric columns).</param>
/// <param name="Q25">The 25th percentile by linear interpolation (numeric columns).</param>
/// <param name="Median">The 50th percentile (numeric columns).</param>
/// <param name="Q75">The 75th percentile (numeric columns).</param>
/// <param name="Max">The maximum (numeric columns).</param>
/// <param name="Unique">The number of distinct non-null values (other columns).</param>
/// <param name="Top">The most frequent value (other columns).</param>
/// <param name="Freq">How often <paramref name="Top"/> occurs (other columns).</param>
public sealed record ColumnSummary(
    string Name, DataKind Kind, long Count, long NullCount,
    double? Mean, double? Std, double? Min, double? Q25, double? Median, double? Q75, double? Max,
    long? Unique, string? Top, long? Freq);

/// <summary>The result of <see cref="Frame.Describe"/>: one <see cref="ColumnSummary"/> per column.</summary>
/// <remarks>pandas: <c>df.describe(include="all")</c>, shown transposed (one row per column) so wide frames stay readable.</remarks>
public sealed class FrameDescription : IDisplayable
{
    internal FrameDescription(IReadOnlyList<ColumnSummary> columns) => Columns = columns;

    /// <summary>The summaries, in column order.</summary>
    public IReadOnlyList<ColumnSummary> Columns { get; }

    /// <summary>Gets the summary of the column named <paramref name="name"/>.</summary>
    public ColumnSummary this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No column named '{name}' was described.");

    /// <summary>Returns the summaries as a frame with one row per described column.</summary>
    public Frame ToFrame() => new(
        new StringColumn("column", Columns.Select(c => c.Name)),
        new StringColumn("dtype", Columns.Select(c => c.Kind.ToString())),
        new PrimitiveColumn<long>("count", Columns.Select(c => c.Count)),
        new PrimitiveColumn<long>("nulls", Columns.Select(c => c.NullCount)),
        new PrimitiveColumn<double>("mean", Columns.Select(c => c.Mean)),
        new PrimitiveColumn<double>("std", Columns.Select(c => c.Std)),
        new PrimitiveColumn<double>("min", Columns.Select(c => c.Min)),
        new PrimitiveColumn<double>("25%", Columns.Select(c => c.Q25)),
        new PrimitiveColumn<double>("50%", Columns.Select(c => c.Median)),
        new PrimitiveColumn<double>("75%", Columns.Select(c => c.Q75)),
        new PrimitiveColumn<double>("max", Columns.Select(c => c.Max)),
        new PrimitiveColumn<long>("unique", Columns.Select(c => c.Unique)),
        new StringColumn("top", Columns.Select(c => c.Top)),
        new PrimitiveColumn<long>("freq", Columns.Select(c => c.Freq)));

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => ToFrame().ToMimeBundle();

    /// <inheritdoc/>
    public override string ToString() => ToFrame().ToString();
}

/// <summary>Inspection: info, describe and value counts.</summary>
public sealed partial class Frame
{
    /// <summary>Returns one row per column with its kind, non-null count and null count.</summary>
    /// <remarks>pandas: <c>df.info()</c>; Microsoft.Data.Analysis: <c>Info()</c>.</remarks>
    public Frame Info() => new(
        new StringColumn("column", _columns.Select(c => c.Name)),
        new StringColumn("dtype", _columns.Select(c => c.Kind.ToString())),
        new PrimitiveColumn<long>("non_null", _columns.Select(c => (long)(c.Length - c.NullCount))),
        new PrimitiveColumn<long>("nulls", _columns.Select(c => (long)c.NullCount)));

    /// <summary>Returns count, nulls, mean, std, min, quartiles and max of numeric columns, and count, unique, top and freq of the others.</summary>
    /// <remarks>
    /// pandas: <c>df.describe(include="all")</c>: std is the sample standard deviation (ddof = 1) and quartiles use linear interpolation.
    /// Boolean, text, categorical and date columns get unique, top and freq; when counts tie, top is the value seen first.
    /// </remarks>
    public FrameDescription Describe()
    {
        var summaries = new ColumnSummary[_columns.Length];
        Parallel.For(0, summaries.Length, j => summaries[j] = Summarize(_columns[j]));
        return new(summaries);
    }

    /// <summary>Alias of <see cref="Describe"/>, under Microsoft.Data.Analysis' name.</summary>
    public FrameDescription Description() => Describe();

    /// <summary>Returns the distinct non-null values of a column with their counts, most frequent first (ties in order of first appearance).</summary>
    /// <remarks>pandas: <c>df[column].value_counts()</c>. The result has the value column and a <c>count</c> column.</remarks>
    public Frame ValueCounts(string column)
    {
        var c = this[column];
        var (firstRows, counts) = CountDistinct(c);
        var order = Enumerable.Range(0, firstRows.Count).OrderByDescending(i => counts[i]).ToArray();
        return new Frame(
            c.Take(order.Select(i => firstRows[i]).ToArray()),
            new PrimitiveColumn<long>("count", order.Select(i => counts[i])));
    }

    private static ColumnSummary Summarize(DataColumn c)
    {
        long count = c.Length - c.NullCount;
        if (c.IsNumeric)
        {
            var valid = Statistics.Valid(c);
            if (valid.Length == 0)
            {
                return new ColumnSummary(c.Name, c.Kind, count, c.NullCount, null, null, null, null, null, null, null, null, null, null);
            }

            var std = Statistics.Std(valid, 1);
            var mean = Statistics.Mean(valid);
            var (min, q25, median, q75, max) = Statistics.Quartiles(valid);
            return new ColumnSummary(
                c.Name, c.Kind, count, c.NullCount, mean, double.IsNaN(std) ? null : std, min, q25, median, q75, max, null, null, null);
        }

        var (firstRows, counts) = CountDistinct(c);
        var top = -1;
        for (var i = 0; i < counts.Count; i++)
        {
            if (top < 0 || counts[i] > counts[top])
            {
                top = i;
            }
        }

        return new ColumnSummary(
            c.Name, c.Kind, count, c.NullCount, null, null, null, null, null, null, null,
            counts.Count, top < 0 ? null : c.FormatValue(firstRows[top]), top < 0 ? null : counts[top]);
    }

    private static (List<int> FirstRows, List<long> Counts) CountDistinct(DataColumn c)
    {
        if (c is StringColumn strings)
        {
            return CountDistinct(strings.RawValues);
        }

        var slots = new Dictionary<object, int>();
        var firstRows = new List<int>();
        var counts = new List<long>();
        for (var i = 0; i < c.Length; i++)
        {
            if (c.IsNull(i))
            {
                continue;
            }

            if (slots.TryGetValue(c.GetKey(i), out var slot))
            {
                counts[slot]++;
            }
            else
            {
                slots.Add(c.GetKey(i), firstRows.Count);
                firstRows.Add(i);
                counts.Add(1);
            }
        }

        return (firstRows, counts);
    }

    /// <summary>Counts distinct strings with a typed dictionary (no boxing, one lookup per row).</summary>
    private static (List<int> FirstRows, List<long> Counts) CountDistinct(ReadOnlySpan<string?> values)
    {
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRows = new List<int>();
        var counts = new List<long>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(slots, value, out var exists);
            if (exists)
            {
                counts[slot]++;
            }
            else
            {
                slot = firstRows.Count;
                firstRows.Add(i);
                counts.Add(1);
            }
        }

        return (firstRows, counts);
    }
}
