namespace Kiln.Data;

/// <summary>An immutable table of named, typed columns of equal length.</summary>
/// <remarks>
/// Every operation returns a new frame and leaves its input untouched. pandas: <c>DataFrame</c>;
/// Microsoft.Data.Analysis: <c>DataFrame</c>.
/// </remarks>
public sealed partial class Frame
{
    private readonly DataColumn[] _columns;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a frame from columns of equal length with distinct names.</summary>
    /// <exception cref="ArgumentException">Lengths differ or a name repeats.</exception>
    public Frame(IEnumerable<DataColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i] ?? throw new ArgumentException($"Column {i} is null; pass only columns.", nameof(columns));
            if (!_index.TryAdd(c.Name, i))
            {
                throw new ArgumentException($"Column name '{c.Name}' appears twice; rename one of the columns.", nameof(columns));
            }

            if (c.Length != _columns[0].Length)
            {
                throw new ArgumentException(
                    $"Column '{c.Name}' has {c.Length} rows but '{_columns[0].Name}' has {_columns[0].Length}; all columns need the same length.",
                    nameof(columns));
            }
        }
    }

    /// <summary>Creates a frame from columns of equal length with distinct names.</summary>
    public Frame(params DataColumn[] columns)
        : this((IEnumerable<DataColumn>)columns)
    {
    }

    /// <summary>The number of rows.</summary>
    public int RowCount => _columns.Length == 0 ? 0 : _columns[0].Length;

    /// <summary>The number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<DataColumn> Columns => _columns;

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> ColumnNames => [.. _columns.Select(c => c.Name)];

    /// <summary>Gets the column named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public DataColumn this[string name] => _columns[IndexOf(name)];

    /// <summary>Gets the value at <paramref name="row"/> of column <paramref name="name"/>, boxed, or null.</summary>
    public object? this[int row, string name] => this[name].GetValue(row);

    /// <summary>Gets row <paramref name="row"/> as a view with typed accessors.</summary>
    public FrameRow Row(int row)
    {
        if ((uint)row >= (uint)RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row {row} is outside the frame of {RowCount} rows.");
        }

        return new FrameRow(this, row);
    }

    /// <summary>The rows, as views with typed accessors.</summary>
    public IEnumerable<FrameRow> Rows => Enumerable.Range(0, RowCount).Select(i => new FrameRow(this, i));

    /// <summary>Returns whether a column named <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>Gets a column as a <see cref="PrimitiveColumn{T}"/>.</summary>
    /// <exception cref="InvalidCastException">The column has another element type.</exception>
    public PrimitiveColumn<T> GetColumn<T>(string name)
        where T : struct, IComparable<T>, IEquatable<T> =>
        this[name] as PrimitiveColumn<T>
        ?? throw new InvalidCastException($"Column '{name}' is {this[name].Kind}, not {typeof(T).Name}; call GetColumn with the matching type.");

    /// <summary>Gets a column as a <see cref="StringColumn"/>.</summary>
    /// <exception cref="InvalidCastException">The column does not hold text.</exception>
    public StringColumn GetStringColumn(string name) =>
        this[name] as StringColumn
        ?? throw new InvalidCastException($"Column '{name}' is {this[name].Kind}, not String.");

    /// <summary>Returns a frame with only the named columns, in the given order.</summary>
    /// <remarks>pandas: <c>df[[...]]</c>.</remarks>
    public Frame Select(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new Frame(names.Select(n => this[n]));
    }

    /// <summary>Returns a frame without the named columns.</summary>
    /// <exception cref="KeyNotFoundException">A name is not a column.</exception>
    public Frame Drop(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var drop = names.Select(IndexOf).ToHashSet();
        return new Frame(_columns.Where((_, i) => !drop.Contains(i)));
    }

    /// <summary>Returns a frame with <paramref name="column"/> appended, or replacing the column of the same name.</summary>
    /// <exception cref="ArgumentException">The column length differs from the row count.</exception>
    public Frame AddColumn(DataColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_columns.Length > 0 && column.Length != RowCount)
        {
            throw new ArgumentException($"Column '{column.Name}' has {column.Length} rows but the frame has {RowCount}.", nameof(column));
        }

        return _index.TryGetValue(column.Name, out var i)
            ? new Frame(_columns.Select((c, j) => j == i ? column : c))
            : new Frame([.. _columns, column]);
    }

    /// <summary>Returns a frame with a column renamed.</summary>
    public Frame RenameColumn(string name, string newName)
    {
        var i = IndexOf(name);
        return new Frame(_columns.Select((c, j) => j == i ? c.Rename(newName) : c));
    }

    /// <summary>Returns the first <paramref name="count"/> rows.</summary>
    /// <remarks>pandas: <c>df.head(n)</c>.</remarks>
    public Frame Head(int count = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Take(Enumerable.Range(0, Math.Min(count, RowCount)).ToArray());
    }

    /// <summary>Returns the last <paramref name="count"/> rows.</summary>
    /// <remarks>pandas: <c>df.tail(n)</c>.</remarks>
    public Frame Tail(int count = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var n = Math.Min(count, RowCount);
        return Take(Enumerable.Range(RowCount - n, n).ToArray());
    }

    /// <summary>Returns <paramref name="count"/> rows drawn without replacement, in random order, reproducibly for a seed.</summary>
    /// <remarks>pandas: <c>df.sample(n, random_state=seed)</c>; the rows chosen differ from numpy's generator.</remarks>
    public Frame Sample(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, RowCount);
        var rows = Enumerable.Range(0, RowCount).ToArray();
        new Random(seed).Shuffle(rows);
        return Take(rows.AsSpan(0, count));
    }

    /// <summary>Returns the rows at <paramref name="rows"/>, in that order.</summary>
    /// <remarks>pandas: <c>df.iloc[rows]</c>.</remarks>
    public Frame Take(ReadOnlySpan<int> rows)
    {
        foreach (var r in rows)
        {
            if ((uint)r >= (uint)RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"Row {r} is outside the frame of {RowCount} rows.");
            }
        }

        return TakeWithNulls(rows);
    }

    /// <summary>Like <see cref="Take"/>, where an index of -1 gives a null row.</summary>
    internal Frame TakeWithNulls(ReadOnlySpan<int> rows)
    {
        var columns = new DataColumn[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = _columns[i].Take(rows);
        }

        return new Frame(columns);
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _index.TryGetValue(name, out var i)
            ? i
            : throw new KeyNotFoundException($"No column named '{name}'; the columns are: {string.Join(", ", _columns.Select(c => c.Name))}.");
    }
}

/// <summary>Column replacement used by the preprocessing transformers.</summary>
public sealed partial class Frame
{
    /// <summary>Returns a frame in which column <paramref name="name"/> is replaced, at its position, by <paramref name="replacement"/>.</summary>
    internal Frame ReplaceColumn(string name, IEnumerable<DataColumn> replacement)
    {
        var i = IndexOf(name);
        return new Frame(_columns.Take(i).Concat(replacement).Concat(_columns.Skip(i + 1)));
    }
}
