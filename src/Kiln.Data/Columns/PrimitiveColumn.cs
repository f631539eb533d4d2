using System.Globalization;
using System.Runtime.CompilerServices;

namespace Kiln.Data;

/// <summary>A column of <see cref="double"/>, <see cref="float"/>, <see cref="long"/>, <see cref="int"/>, <see cref="bool"/> or <see cref="DateTime"/> values with nulls.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// Floating-point NaN is stored as null, as pandas treats NaN as missing.
/// Microsoft.Data.Analysis: <c>PrimitiveDataFrameColumn&lt;T&gt;</c>.
/// </remarks>
public sealed class PrimitiveColumn<T> : DataColumn
    where T : struct, IComparable<T>, IEquatable<T>
{
    private readonly T[] _values;
    private readonly bool[]? _nulls;

    /// <summary>Creates a column without nulls (floating-point NaN still becomes null).</summary>
    public PrimitiveColumn(string name, IEnumerable<T> values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        Kind = KindOf();
        _values = [.. values];
        _nulls = NaNMask(_values, null);
    }

    /// <summary>Creates a column in which null entries are missing values.</summary>
    public PrimitiveColumn(string name, IEnumerable<T?> values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        Kind = KindOf();
        var list = values as IReadOnlyCollection<T?> ?? [.. values];
        _values = new T[list.Count];
        var nulls = new bool[list.Count];
        var i = 0;
        var any = false;
        foreach (var v in list)
        {
            _values[i] = v.GetValueOrDefault();
            nulls[i] = !v.HasValue;
            any |= nulls[i];
            i++;
        }

        _nulls = NaNMask(_values, any ? nulls : null);
    }

    internal PrimitiveColumn(string name, T[] values, bool[]? nulls)
        : base(name)
    {
        Kind = KindOf();
        _values = values;
        _nulls = NaNMask(values, nulls);
    }

    /// <inheritdoc/>
    public override DataKind Kind { get; }

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <summary>The stored values; null rows hold <c>default(T)</c>.</summary>
    public ReadOnlySpan<T> Values => _values;

    /// <summary>Gets the value at <paramref name="row"/>, or null.</summary>
    public T? this[int row]
    {
        get
        {
            CheckRow(row);
            return IsNull(row) ? null : _values[row];
        }
    }

    /// <inheritdoc/>
    public override bool IsNull(int row) => _nulls is not null && _nulls[row];

    /// <inheritdoc/>
    public override object? GetValue(int row) => this[row];

    /// <inheritdoc/>
    public override double GetDouble(int row)
    {
        if (IsNull(row))
        {
            return double.NaN;
        }

        var v = _values[row];
        if (typeof(T) == typeof(double))
        {
            return Unsafe.As<T, double>(ref v);
        }

        if (typeof(T) == typeof(float))
        {
            return Unsafe.As<T, float>(ref v);
        }

        if (typeof(T) == typeof(long))
        {
            return Unsafe.As<T, long>(ref v);
        }

        if (typeof(T) == typeof(int))
        {
            return Unsafe.As<T, int>(ref v);
        }

        if (typeof(T) == typeof(bool))
        {
            return Unsafe.As<T, bool>(ref v) ? 1.0 : 0.0;
        }

        throw new InvalidOperationException($"Column '{Name}' is {Kind}, which has no numeric value; select numeric columns only.");
    }

    /// <inheritdoc/>
    public override string FormatValue(int row) => IsNull(row) ? string.Empty : Format(_values[row]);

    /// <inheritdoc/>
    public override DataColumn Rename(string name) => new PrimitiveColumn<T>(name, _values, _nulls);

    /// <inheritdoc/>
    public override DataColumn FillNulls(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fill = Convert(value);
        var values = (T[])_values.Clone();
        for (var i = 0; i < values.Length; i++)
        {
            if (IsNull(i))
            {
                values[i] = fill;
            }
        }

        return new PrimitiveColumn<T>(Name, values, null);
    }

    /// <inheritdoc/>
    public override DataColumn Take(ReadOnlySpan<int> rows)
    {
        var values = new T[rows.Length];
        bool[]? nulls = null;
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            if (r < 0 || IsNull(r))
            {
                nulls ??= new bool[rows.Length];
                nulls[i] = true;
            }
            else
            {
                values[i] = _values[r];
            }
        }

        return new PrimitiveColumn<T>(Name, values, nulls);
    }

    internal override int CompareRows(int a, int b) => _values[a].CompareTo(_values[b]);

    internal override object GetKey(int row)
    {
        var v = _values[row];
        if (typeof(T) == typeof(int))
        {
            return (long)Unsafe.As<T, int>(ref v);
        }

        if (typeof(T) == typeof(float))
        {
            return (double)Unsafe.As<T, float>(ref v);
        }

        return v;
    }

    internal override DataColumn Concat(DataColumn other)
    {
        CheckSameKind(other);
        var o = (PrimitiveColumn<T>)other;
        var values = new T[Length + o.Length];
        _values.CopyTo(values, 0);
        o._values.CopyTo(values, Length);
        bool[]? nulls = null;
        if (_nulls is not null || o._nulls is not null)
        {
            nulls = new bool[values.Length];
            _nulls?.CopyTo(nulls, 0);
            o._nulls?.CopyTo(nulls, Length);
        }

        return new PrimitiveColumn<T>(Name, values, nulls);
    }

    /// <summary>Converts <paramref name="value"/> to <typeparamref name="T"/> with the invariant culture.</summary>
    internal static T Convert(object value)
    {
        if (value is T t)
        {
            return t;
        }

        try
        {
            return (T)System.Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new ArgumentException($"Value '{value}' cannot be converted to {typeof(T).Name}; pass a value of that type.", nameof(value), e);
        }
    }

    private static string Format(T value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => DateTimeFormats.Format(dt),
        bool b => b ? "True" : "False",
        _ => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
    };

    private static DataKind KindOf()
    {
        var t = typeof(T);
        return t == typeof(double) ? DataKind.Float64
            : t == typeof(float) ? DataKind.Float32
            : t == typeof(long) ? DataKind.Int64
            : t == typeof(int) ? DataKind.Int32
            : t == typeof(bool) ? DataKind.Boolean
            : t == typeof(DateTime) ? DataKind.DateTime
            : throw new NotSupportedException(
                $"PrimitiveColumn<{t.Name}> is not supported; use double, float, long, int, bool or DateTime.");
    }

    private static bool[]? NaNMask(T[] values, bool[]? nulls)
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(float))
        {
            return nulls;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var nan = typeof(T) == typeof(double) ? double.IsNaN(Unsafe.As<T, double>(ref v)) : float.IsNaN(Unsafe.As<T, float>(ref v));
            if (nan)
            {
                nulls ??= new bool[values.Length];
                nulls[i] = true;
                values[i] = default;
            }
        }

        return nulls;
    }
}
