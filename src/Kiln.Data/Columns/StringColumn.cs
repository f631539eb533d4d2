namespace Kiln.Data;

/// <summary>A column of text values with nulls.</summary>
/// <remarks>pandas: an <c>object</c> column of <c>str</c>; Microsoft.Data.Analysis: <c>StringDataFrameColumn</c>.</remarks>
public sealed class StringColumn : DataColumn
{
    private readonly string?[] _values;

    /// <summary>Creates a column in which null entries are missing values.</summary>
    public StringColumn(string name, IEnumerable<string?> values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values];
    }

    internal StringColumn(string name, string?[] values, bool owned)
        : base(name)
    {
        _values = owned ? values : (string?[])values.Clone();
    }

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.String;

    /// <summary>The stored values, null for missing ones.</summary>
    internal ReadOnlySpan<string?> RawValues => _values;

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <summary>Gets the value at <paramref name="row"/>, or null.</summary>
    public string? this[int row]
    {
        get
        {
            CheckRow(row);
            return _values[row];
        }
    }

    /// <inheritdoc/>
    public override bool IsNull(int row) => _values[row] is null;

    /// <inheritdoc/>
    public override object? GetValue(int row) => this[row];

    /// <inheritdoc/>
    public override double GetDouble(int row) =>
        throw new InvalidOperationException($"Column '{Name}' holds text; encode it (OneHotEncoder, OrdinalEncoder) before using it as a number.");

    /// <inheritdoc/>
    public override string FormatValue(int row) => _values[row] ?? string.Empty;

    /// <inheritdoc/>
    public override DataColumn Rename(string name) => new StringColumn(name, _values, owned: true);

    /// <inheritdoc/>
    public override DataColumn FillNulls(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fill = value as string ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        return new StringColumn(Name, _values.Select(v => v ?? fill).ToArray(), owned: true);
    }

    /// <summary>Returns a categorical column with the same values and categories sorted ordinally.</summary>
    public CategoricalColumn ToCategorical() => CategoricalColumn.FromValues(Name, _values);

    /// <inheritdoc/>
    public override DataColumn Take(ReadOnlySpan<int> rows)
    {
        var values = new string?[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = rows[i] < 0 ? null : _values[rows[i]];
        }

        return new StringColumn(Name, values, owned: true);
    }

    internal override int CompareRows(int a, int b) => string.CompareOrdinal(_values[a], _values[b]);

    internal override object GetKey(int row) => _values[row]!;

    internal override DataColumn Concat(DataColumn other)
    {
        CheckSameKind(other);
        return new StringColumn(Name, [.. _values, .. ((StringColumn)other)._values], owned: true);
    }
}
