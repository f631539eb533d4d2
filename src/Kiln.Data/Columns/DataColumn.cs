using System.Globalization;

namespace Kiln.Data;

/// <summary>A named, typed column of a <see cref="Frame"/> in which every row may be null.</summary>
/// <remarks>
/// Columns are immutable: every operation returns a new column. pandas: <c>Series</c>;
/// Microsoft.Data.Analysis: <c>DataFrameColumn</c>.
/// </remarks>
public abstract class DataColumn
{
    private int _nullCount = -1;

    /// <summary>Initializes the column with its name.</summary>
    /// <param name="name">The column name; must not be empty.</param>
    protected DataColumn(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public abstract DataKind Kind { get; }

    /// <summary>The number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>Whether the column holds numbers (floating point or integer) that statistics apply to.</summary>
    public bool IsNumeric => Kind is DataKind.Float64 or DataKind.Float32 or DataKind.Int64 or DataKind.Int32;

    /// <summary>The number of null rows.</summary>
    public int NullCount
    {
        get
        {
            if (_nullCount < 0)
            {
                var count = 0;
                for (var i = 0; i < Length; i++)
                {
                    if (IsNull(i))
                    {
                        count++;
                    }
                }

                _nullCount = count;
            }

            return _nullCount;
        }
    }

    /// <summary>Returns whether the value at <paramref name="row"/> is null.</summary>
    public abstract bool IsNull(int row);

    /// <summary>Returns the value at <paramref name="row"/> boxed, or null.</summary>
    public abstract object? GetValue(int row);

    /// <summary>Returns the value at <paramref name="row"/> as a double, or <see cref="double.NaN"/> when null.</summary>
    /// <exception cref="InvalidOperationException">The column is not numeric or boolean.</exception>
    public abstract double GetDouble(int row);

    /// <summary>Formats the value at <paramref name="row"/> with the invariant culture; null gives an empty string.</summary>
    public abstract string FormatValue(int row);

    /// <summary>Returns a copy of the column under a new name.</summary>
    public abstract DataColumn Rename(string name);

    /// <summary>Returns a copy in which null rows hold <paramref name="value"/>.</summary>
    /// <param name="value">A value convertible to the column's element type.</param>
    /// <exception cref="ArgumentException">The value cannot be converted to the column's element type.</exception>
    public abstract DataColumn FillNulls(object value);

    /// <summary>Returns the rows at <paramref name="rows"/>, in that order; an index of -1 gives a null row.</summary>
    public abstract DataColumn Take(ReadOnlySpan<int> rows);

    /// <summary>Compares two non-null rows of this column in ascending order.</summary>
    internal abstract int CompareRows(int a, int b);

    /// <summary>Returns a key for equality and hashing of a non-null row (integers as long, floats as double).</summary>
    internal abstract object GetKey(int row);

    /// <summary>Appends the rows of <paramref name="other"/>, which must have the same kind.</summary>
    internal abstract DataColumn Concat(DataColumn other);

    /// <summary>Returns the values as doubles (nulls as NaN).</summary>
    /// <exception cref="InvalidOperationException">The column is not numeric or boolean.</exception>
    public double[] ToDoubleArray()
    {
        var result = new double[Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = GetDouble(i);
        }

        return result;
    }

    /// <summary>Returns the values formatted with the invariant culture (nulls as null).</summary>
    public string?[] ToStringArray()
    {
        var result = new string?[Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = IsNull(i) ? null : FormatValue(i);
        }

        return result;
    }

    /// <summary>Returns the name, kind and length.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Kind}, {Length} rows)");

    /// <summary>Throws unless <paramref name="row"/> is a valid row index.</summary>
    protected void CheckRow(int row)
    {
        if ((uint)row >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row {row} is outside column '{Name}' of {Length} rows.");
        }
    }

    /// <summary>Throws when <paramref name="other"/> has a different kind.</summary>
    protected void CheckSameKind(DataColumn other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Kind != Kind)
        {
            throw new ArgumentException(
                $"Column '{other.Name}' is {other.Kind} but '{Name}' is {Kind}; convert one of them so both have the same kind.",
                nameof(other));
        }
    }
}
