namespace Kiln.Data;

/// <summary>A view of one row of a <see cref="Frame"/>, with typed accessors by column name.</summary>
public readonly struct FrameRow
{
    private readonly Frame _frame;

    internal FrameRow(Frame frame, int index)
    {
        _frame = frame;
        Index = index;
    }

    /// <summary>The row index in the frame.</summary>
    public int Index { get; }

    /// <summary>Gets the value of column <paramref name="name"/>, boxed, or null.</summary>
    public object? this[string name] => _frame[name].GetValue(Index);

    /// <summary>Returns whether column <paramref name="name"/> is null in this row.</summary>
    public bool IsNull(string name) => _frame[name].IsNull(Index);

    /// <summary>Gets the value of a numeric column as a double (NaN when null).</summary>
    public double GetDouble(string name) => _frame[name].GetDouble(Index);

    /// <summary>Gets the value of a text or categorical column (null when null).</summary>
    public string? GetString(string name)
    {
        var c = _frame[name];
        return c.IsNull(Index) ? null : c.FormatValue(Index);
    }

    /// <summary>Gets the value of a column of element type <typeparamref name="T"/>, or null.</summary>
    public T? Get<T>(string name)
        where T : struct, IComparable<T>, IEquatable<T> => _frame.GetColumn<T>(name)[Index];
}
