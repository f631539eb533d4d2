namespace Kiln.Data;

/// <summary>Grouping and joining.</summary>
public sealed partial class Frame
{
    /// <summary>Groups the rows by the values of one or more key columns.</summary>
    /// <remarks>pandas: <c>df.groupby([...])</c>; unlike Microsoft.Data.Analysis, several key columns are allowed.</remarks>
    public GroupedFrame GroupBy(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            throw new ArgumentException("Pass at least one key column.", nameof(keys));
        }

        foreach (var k in keys)
        {
            IndexOf(k);
        }

        return new GroupedFrame(this, keys);
    }

    /// <summary>Joins with <paramref name="right"/> on key columns of the same names in both frames.</summary>
    /// <remarks>pandas: <c>pd.merge(left, right, on=[...], how=..., suffixes=(leftSuffix, rightSuffix))</c>.</remarks>
    public Frame Join(Frame right, string[] on, JoinKind kind = JoinKind.Inner, string leftSuffix = "_x", string rightSuffix = "_y") =>
        Join(right, on, on, kind, leftSuffix, rightSuffix);

    /// <summary>Joins with <paramref name="right"/>, matching <paramref name="leftOn"/> columns here with <paramref name="rightOn"/> columns there.</summary>
    /// <remarks>
    /// pandas: <c>pd.merge(left, right, left_on=[...], right_on=[...], how=..., suffixes=...)</c>, and the same row order:
    /// inner and left keep the left order, right keeps the right order, outer gives the left join followed by the unmatched right rows
    /// (pandas 1.5; pandas 2.2 and later sort outer joins by key); several matches come in the other frame's order.
    /// Key columns with the same name on both sides appear once. Unlike pandas, null keys never match (as SQL), and key kinds must agree.
    /// Microsoft.Data.Analysis: <c>Merge</c>.
    /// </remarks>
    /// <exception cref="ArgumentException">The key lists differ in length, or paired key columns have different kinds.</exception>
    public Frame Join(Frame right, string[] leftOn, string[] rightOn, JoinKind kind = JoinKind.Inner, string leftSuffix = "_x", string rightSuffix = "_y")
    {
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(leftOn);
        ArgumentNullException.ThrowIfNull(rightOn);
        if (leftOn.Length == 0 || leftOn.Length != rightOn.Length)
        {
            throw new ArgumentException($"Pass the same non-zero number of left keys ({leftOn.Length}) and right keys ({rightOn.Length}).", nameof(rightOn));
        }

        var lk = leftOn.Select(n => this[n]).ToArray();
        var rk = rightOn.Select(n => right[n]).ToArray();
        for (var i = 0; i < lk.Length; i++)
        {
            if (lk[i].Kind != rk[i].Kind)
            {
                throw new ArgumentException(
                    $"Key '{lk[i].Name}' is {lk[i].Kind} on the left but '{rk[i].Name}' is {rk[i].Kind} on the right; convert one so the kinds agree.",
                    nameof(rightOn));
            }
        }

        var (li, ri) = MatchRows(right, lk, rk, kind);
        return Assemble(right, leftOn, rightOn, li, ri, leftSuffix, rightSuffix);
    }

    private (int[] Left, int[] Right) MatchRows(Frame right, DataColumn[] lk, DataColumn[] rk, JoinKind kind)
    {
        var rightIndex = Index(rk, right.RowCount);
        var li = new List<int>();
        var ri = new List<int>();
        if (kind == JoinKind.Right)
        {
            var leftIndex = Index(lk, RowCount);
            for (var r = 0; r < right.RowCount; r++)
            {
                var key = RowKey.Of(rk, r);
                if (key is not null && leftIndex.TryGetValue(key, out var ls))
                {
                    foreach (var l in ls)
                    {
                        li.Add(l);
                        ri.Add(r);
                    }
                }
                else
                {
                    li.Add(-1);
                    ri.Add(r);
                }
            }

            return (li.ToArray(), ri.ToArray());
        }

        var matchedRight = new bool[right.RowCount];
        for (var l = 0; l < RowCount; l++)
        {
            var key = RowKey.Of(lk, l);
            if (key is not null && rightIndex.TryGetValue(key, out var rs))
            {
                foreach (var r in rs)
                {
                    li.Add(l);
                    ri.Add(r);
                    matchedRight[r] = true;
                }
            }
            else if (kind != JoinKind.Inner)
            {
                li.Add(l);
                ri.Add(-1);
            }
        }

        if (kind == JoinKind.Outer)
        {
            for (var r = 0; r < right.RowCount; r++)
            {
                if (!matchedRight[r])
                {
                    li.Add(-1);
                    ri.Add(r);
                }
            }
        }

        return (li.ToArray(), ri.ToArray());
    }

    private static Dictionary<RowKey, List<int>> Index(DataColumn[] keys, int rows)
    {
        var index = new Dictionary<RowKey, List<int>>();
        for (var r = 0; r < rows; r++)
        {
            var key = RowKey.Of(keys, r);
            if (key is null)
            {
                continue;
            }

            if (!index.TryGetValue(key, out var list))
            {
                index.Add(key, list = []);
            }

            list.Add(r);
        }

        return index;
    }

    private Frame Assemble(Frame right, string[] leftOn, string[] rightOn, int[] li, int[] ri, string leftSuffix, string rightSuffix)
    {
        var shared = leftOn.Where((n, i) => rightOn[i] == n).ToHashSet();
        var leftNames = ColumnNames.ToHashSet();
        var rightNames = right.ColumnNames.Where(n => !shared.Contains(n)).ToHashSet();
        var columns = new List<DataColumn>();
        foreach (var c in _columns)
        {
            if (shared.Contains(c.Name))
            {
                var both = c.Concat(right[c.Name]);
                columns.Add(both.Take(li.Select((l, p) => l >= 0 ? l : ri[p] < 0 ? -1 : RowCount + ri[p]).ToArray()));
            }
            else
            {
                var name = rightNames.Contains(c.Name) ? c.Name + leftSuffix : c.Name;
                columns.Add(c.Take(li).Rename(name));
            }
        }

        foreach (var c in right.Columns.Where(c => !shared.Contains(c.Name)))
        {
            var name = leftNames.Contains(c.Name) ? c.Name + rightSuffix : c.Name;
            columns.Add(c.Take(ri).Rename(name));
        }

        return new Frame(columns);
    }
}

/// <summary>Which rows a <see cref="Frame.Join(Frame, string[], JoinKind, string, string)"/> keeps.</summary>
public enum JoinKind
{
    /// <summary>Only rows whose keys match on both sides (pandas <c>how="inner"</c>).</summary>
    Inner,

    /// <summary>Every left row, with nulls where the right has no match (pandas <c>how="left"</c>).</summary>
    Left,

    /// <summary>Every right row, with nulls where the left has no match (pandas <c>how="right"</c>).</summary>
    Right,

    /// <summary>Every row of both sides (pandas <c>how="outer"</c>).</summary>
    Outer,
}
