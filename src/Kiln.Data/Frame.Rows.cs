namespace Kiln.Data;

/// <summary>Row selection, sorting and missing values.</summary>
public sealed partial class Frame
{
    /// <summary>Returns the rows where <paramref name="mask"/> is true.</summary>
    /// <remarks>pandas: <c>df[mask]</c>.</remarks>
    /// <exception cref="ArgumentException">The mask length differs from the row count.</exception>
    public Frame Filter(IReadOnlyList<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Count != RowCount)
        {
            throw new ArgumentException($"The mask has {mask.Count} entries but the frame has {RowCount} rows.", nameof(mask));
        }

        var rows = new List<int>();
        for (var i = 0; i < mask.Count; i++)
        {
            if (mask[i])
            {
                rows.Add(i);
            }
        }

        return TakeWithNulls(rows.ToArray());
    }

    /// <summary>Returns the rows for which <paramref name="predicate"/> is true.</summary>
    /// <remarks>pandas: <c>df[df.apply(predicate, axis=1)]</c>, or <c>df.query(...)</c>.</remarks>
    public Frame Filter(Func<FrameRow, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var rows = new List<int>();
        for (var i = 0; i < RowCount; i++)
        {
            if (predicate(new FrameRow(this, i)))
            {
                rows.Add(i);
            }
        }

        return TakeWithNulls(rows.ToArray());
    }

    /// <summary>Returns the rows sorted by one column.</summary>
    /// <remarks>pandas: <c>df.sort_values(column, ascending=..., kind="stable")</c>; nulls go last.</remarks>
    public Frame Sort(string column, bool ascending = true) => Sort(new SortKey(column, !ascending));

    /// <summary>Returns the rows sorted by several keys, the first key first; the sort is stable and nulls go last.</summary>
    /// <remarks>pandas: <c>df.sort_values([...], ascending=[...], kind="stable", na_position="last")</c>; Microsoft.Data.Analysis: <c>OrderBy</c>.</remarks>
    public Frame Sort(params SortKey[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            throw new ArgumentException("Pass at least one sort key.", nameof(keys));
        }

        var columns = keys.Select(k => this[k.Column]).ToArray();
        var rows = Enumerable.Range(0, RowCount).ToArray();
        Array.Sort(rows, (a, b) =>
        {
            for (var k = 0; k < columns.Length; k++)
            {
                var c = CompareWithNullsLast(columns[k], a, b, keys[k].Descending);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.CompareTo(b);
        });
        return TakeWithNulls(rows);
    }

    /// <summary>Returns a frame in which nulls hold <paramref name="value"/>, in every column whose kind can hold it.</summary>
    /// <remarks>
    /// A number fills numeric and boolean columns, text fills text and categorical columns, a date fills date columns;
    /// other columns are left as they are. pandas: <c>df.fillna(value)</c>.
    /// </remarks>
    public Frame FillNulls(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Frame(_columns.Select(c => c.NullCount > 0 && Accepts(c.Kind, value) ? c.FillNulls(value) : c));
    }

    /// <summary>Returns a frame in which the nulls of each named column hold that column's value.</summary>
    /// <remarks>pandas: <c>df.fillna({"col": value, ...})</c>.</remarks>
    public Frame FillNulls(IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var name in values.Keys)
        {
            IndexOf(name);
        }

        return new Frame(_columns.Select(c => values.TryGetValue(c.Name, out var v) ? c.FillNulls(v) : c));
    }

    /// <summary>Returns the rows without nulls in the given columns (all columns when none are named).</summary>
    /// <param name="rule">Drop a row when any (pandas' default) or all of the considered values are null.</param>
    /// <param name="columns">The columns to consider.</param>
    /// <remarks>pandas: <c>df.dropna(how="any"|"all", subset=[...])</c>.</remarks>
    public Frame DropNulls(NullRowRule rule = NullRowRule.Any, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var considered = columns.Length == 0 ? _columns : columns.Select(n => this[n]).ToArray();
        var rows = new List<int>();
        for (var i = 0; i < RowCount; i++)
        {
            var nulls = considered.Count(c => c.IsNull(i));
            var drop = rule == NullRowRule.Any ? nulls > 0 : nulls == considered.Length && nulls > 0;
            if (!drop)
            {
                rows.Add(i);
            }
        }

        return TakeWithNulls(rows.ToArray());
    }

    /// <summary>Stacks the rows of frames with the same column names and kinds, in order.</summary>
    /// <remarks>pandas: <c>pd.concat([...], ignore_index=True)</c>.</remarks>
    /// <exception cref="ArgumentException">The frames' column names or kinds differ.</exception>
    public static Frame Concat(params Frame[] frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Length == 0)
        {
            throw new ArgumentException("Pass at least one frame.", nameof(frames));
        }

        var first = frames[0];
        foreach (var f in frames.Skip(1))
        {
            if (!f.ColumnNames.SequenceEqual(first.ColumnNames))
            {
                throw new ArgumentException(
                    $"Column names differ: [{string.Join(", ", first.ColumnNames)}] and [{string.Join(", ", f.ColumnNames)}]; select the same columns in the same order.",
                    nameof(frames));
            }
        }

        return new Frame(first._columns.Select((c, j) => frames.Skip(1).Aggregate(c, (acc, f) => acc.Concat(f._columns[j]))));
    }

    internal static int CompareWithNullsLast(DataColumn column, int a, int b, bool descending)
    {
        var na = column.IsNull(a);
        var nb = column.IsNull(b);
        if (na || nb)
        {
            return na == nb ? 0 : na ? 1 : -1;
        }

        var c = column.CompareRows(a, b);
        return descending ? -c : c;
    }

    private static bool Accepts(DataKind kind, object value) => value switch
    {
        string => kind is DataKind.String or DataKind.Categorical,
        DateTime => kind == DataKind.DateTime,
        bool => kind == DataKind.Boolean,
        double or float or long or int or short or byte or decimal => kind is DataKind.Float64 or DataKind.Float32 or DataKind.Int64 or DataKind.Int32,
        _ => false,
    };
}

/// <summary>One key of a multi-column sort.</summary>
/// <param name="Column">The column to sort by.</param>
/// <param name="Descending">Whether larger values come first.</param>
public readonly record struct SortKey(string Column, bool Descending = false);

/// <summary>When <see cref="Frame.DropNulls"/> drops a row.</summary>
public enum NullRowRule
{
    /// <summary>Drop the row when any considered value is null (pandas <c>how="any"</c>).</summary>
    Any,

    /// <summary>Drop the row only when every considered value is null (pandas <c>how="all"</c>).</summary>
    All,
}
