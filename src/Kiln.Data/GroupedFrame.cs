namespace Kiln.Data;

/// <summary>The groups of rows of a <see cref="Frame"/> that share the values of one or more key columns.</summary>
/// <remarks>
/// pandas: <c>df.groupby([...], sort=True, dropna=True)</c>. Groups come out sorted by key; rows with a null key are dropped.
/// Aggregations skip nulls, as pandas: count counts non-null values, sum of no values is 0, mean/std/min/max/first of no values are null.
/// </remarks>
public sealed class GroupedFrame
{
    private readonly Frame _frame;
    private readonly string[] _keys;
    private readonly List<List<int>> _groups;

    internal GroupedFrame(Frame frame, string[] keys)
    {
        _frame = frame;
        _keys = keys;
        var keyColumns = keys.Select(k => frame[k]).ToArray();
        var slots = new Dictionary<RowKey, int>();
        _groups = [];
        for (var row = 0; row < frame.RowCount; row++)
        {
            var key = RowKey.Of(keyColumns, row);
            if (key is null)
            {
                continue;
            }

            if (!slots.TryGetValue(key, out var slot))
            {
                slot = _groups.Count;
                slots.Add(key, slot);
                _groups.Add([]);
            }

            _groups[slot].Add(row);
        }

        _groups.Sort((a, b) =>
        {
            foreach (var c in keyColumns)
            {
                var cmp = c.CompareRows(a[0], b[0]);
                if (cmp != 0)
                {
                    return cmp;
                }
            }

            return 0;
        });
    }

    /// <summary>The key column names.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The number of groups.</summary>
    public int GroupCount => _groups.Count;

    /// <summary>Counts the non-null values of every other column per group.</summary>
    /// <remarks>pandas: <c>.count()</c>.</remarks>
    public Frame Count() => AggregateAll(AggregateFunction.Count, numericOnly: false);

    /// <summary>Sums every other numeric (or boolean, counting true) column per group.</summary>
    /// <remarks>pandas: <c>.sum(numeric_only=True)</c>.</remarks>
    public Frame Sum() => AggregateAll(AggregateFunction.Sum, numericOnly: true);

    /// <summary>Averages every other numeric column per group.</summary>
    /// <remarks>pandas: <c>.mean(numeric_only=True)</c>.</remarks>
    public Frame Mean() => AggregateAll(AggregateFunction.Mean, numericOnly: true);

    /// <summary>Takes the minimum of every other column per group.</summary>
    /// <remarks>pandas: <c>.min()</c>.</remarks>
    public Frame Min() => AggregateAll(AggregateFunction.Min, numericOnly: false);

    /// <summary>Takes the maximum of every other column per group.</summary>
    /// <remarks>pandas: <c>.max()</c>.</remarks>
    public Frame Max() => AggregateAll(AggregateFunction.Max, numericOnly: false);

    /// <summary>Takes the sample standard deviation (ddof = 1) of every other numeric column per group.</summary>
    /// <remarks>pandas: <c>.std(numeric_only=True)</c>.</remarks>
    public Frame Std() => AggregateAll(AggregateFunction.Std, numericOnly: true);

    /// <summary>Takes the first non-null value of every other column per group.</summary>
    /// <remarks>pandas: <c>.first()</c>.</remarks>
    public Frame First() => AggregateAll(AggregateFunction.First, numericOnly: false);

    /// <summary>Applies the given aggregations; the result holds the key columns, then one column per aggregation.</summary>
    /// <remarks>pandas: <c>.agg(name=(column, function), ...)</c>.</remarks>
    public Frame Aggregate(params Aggregation[] aggregations)
    {
        ArgumentNullException.ThrowIfNull(aggregations);
        var firstRows = _groups.Select(g => g[0]).ToArray();
        var columns = _keys.Select(k => _frame[k].Take(firstRows)).ToList();
        foreach (var a in aggregations)
        {
            var name = a.As ?? $"{a.Column}_{a.Function.ToString().ToLowerInvariant()}";
            columns.Add(Apply(_frame[a.Column], a.Function, name));
        }

        return new Frame(columns);
    }

    private Frame AggregateAll(AggregateFunction function, bool numericOnly) =>
        Aggregate(_frame.Columns
            .Where(c => !_keys.Contains(c.Name) && (!numericOnly || c.IsNumeric || c.Kind == DataKind.Boolean))
            .Select(c => new Aggregation(c.Name, function, c.Name))
            .ToArray());

    private DataColumn Apply(DataColumn c, AggregateFunction function, string name)
    {
        if (function is AggregateFunction.Sum or AggregateFunction.Mean or AggregateFunction.Std && !c.IsNumeric && c.Kind != DataKind.Boolean)
        {
            throw new ArgumentException($"Column '{c.Name}' is {c.Kind}; {function} needs a numeric column.", nameof(c));
        }

        return function switch
        {
            AggregateFunction.Count => new PrimitiveColumn<long>(name, _groups.Select(g => (long)g.Count(r => !c.IsNull(r)))),
            AggregateFunction.Sum when c.Kind is DataKind.Float64 or DataKind.Float32 =>
                new PrimitiveColumn<double>(name, _groups.Select(g => g.Where(r => !c.IsNull(r)).Sum(c.GetDouble))),
            AggregateFunction.Sum => new PrimitiveColumn<long>(name, _groups.Select(g => g.Where(r => !c.IsNull(r)).Sum(r => ExactInteger(c, r)))),
            AggregateFunction.Mean => new PrimitiveColumn<double>(name, _groups.Select(g => Statistics.Mean(Valid(c, g)))),
            AggregateFunction.Std => new PrimitiveColumn<double>(name, _groups.Select(g => Statistics.Std(Valid(c, g), 1))),
            AggregateFunction.Min => c.Take(_groups.Select(g => Extreme(c, g, 1)).ToArray()).Rename(name),
            AggregateFunction.Max => c.Take(_groups.Select(g => Extreme(c, g, -1)).ToArray()).Rename(name),
            AggregateFunction.First => c.Take(_groups.Select(g => g.FirstOrDefault(r => !c.IsNull(r), -1)).ToArray()).Rename(name),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown aggregate function."),
        };
    }

    private static long ExactInteger(DataColumn c, int row) => c.GetKey(row) switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        var other => throw new InvalidOperationException($"Column '{c.Name}' holds {other.GetType().Name}, not integers."),
    };

    private static double[] Valid(DataColumn c, List<int> rows) => rows.Where(r => !c.IsNull(r)).Select(c.GetDouble).ToArray();

    private static int Extreme(DataColumn c, List<int> rows, int sign)
    {
        var best = -1;
        foreach (var r in rows)
        {
            if (!c.IsNull(r) && (best < 0 || sign * c.CompareRows(best, r) > 0))
            {
                best = r;
            }
        }

        return best;
    }
}

/// <summary>An aggregation of one column in <see cref="GroupedFrame.Aggregate"/>.</summary>
/// <param name="Column">The column to aggregate.</param>
/// <param name="Function">The aggregate function.</param>
/// <param name="As">The result column name; defaults to <c>column_function</c>.</param>
public sealed record Aggregation(string Column, AggregateFunction Function, string? As = null);

/// <summary>The aggregate functions of <see cref="GroupedFrame"/>.</summary>
public enum AggregateFunction
{
    /// <summary>The number of non-null values.</summary>
    Count,

    /// <summary>The sum of non-null values (0 when none).</summary>
    Sum,

    /// <summary>The mean of non-null values.</summary>
    Mean,

    /// <summary>The smallest value.</summary>
    Min,

    /// <summary>The largest value.</summary>
    Max,

    /// <summary>The sample standard deviation (ddof = 1, as pandas).</summary>
    Std,

    /// <summary>The first non-null value.</summary>
    First,
}
