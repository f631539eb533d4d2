using System.Globalization;

namespace Kiln.Data;

/// <summary>Culture-explicit parsing of CSV fields into each <see cref="DataKind"/>.</summary>
internal static class FieldParsers
{
    public static bool TryDouble(string s, CultureInfo c, out double v) => double.TryParse(s, NumberStyles.Float, c, out v);

    public static bool TryFloat(string s, CultureInfo c, out float v) => float.TryParse(s, NumberStyles.Float, c, out v);

    public static bool TryLong(string s, CultureInfo c, out long v) => long.TryParse(s, NumberStyles.Integer, c, out v);

    public static bool TryInt(string s, CultureInfo c, out int v) => int.TryParse(s, NumberStyles.Integer, c, out v);

    public static bool TryBool(string s, CultureInfo c, out bool v) => bool.TryParse(s, out v);

    public static bool TryDate(string s, CultureInfo c, out DateTime v) => DateTimeFormats.TryParse(s.Trim(), out v);

    /// <summary>Returns whether <paramref name="s"/> parses as <paramref name="kind"/>.</summary>
    public static bool IsValid(DataKind kind, string s, CultureInfo c) => kind switch
    {
        DataKind.Float64 => TryDouble(s, c, out _),
        DataKind.Float32 => TryFloat(s, c, out _),
        DataKind.Int64 => TryLong(s, c, out _),
        DataKind.Int32 => TryInt(s, c, out _),
        DataKind.Boolean => TryBool(s, c, out _),
        DataKind.DateTime => TryDate(s, c, out _),
        _ => true,
    };

    /// <summary>Describes what a field of <paramref name="kind"/> must look like, for error messages.</summary>
    public static string Expectation(DataKind kind, CultureInfo c) => kind switch
    {
        DataKind.Float64 or DataKind.Float32 => $"a number ({kind}, decimal separator '{c.NumberFormat.NumberDecimalSeparator}')",
        DataKind.Int64 or DataKind.Int32 => $"an integer ({kind})",
        DataKind.Boolean => "true or false",
        DataKind.DateTime => "an ISO 8601 date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)",
        _ => kind.ToString(),
    };
}

/// <summary>Infers the narrowest kind that every non-null field of a column parses as: Boolean, Int64, Float64, DateTime, else String.</summary>
/// <remarks>All-null columns are Float64, as pandas.</remarks>
internal sealed class KindInference
{
    private bool _bool = true;
    private bool _long = true;
    private bool _double = true;
    private bool _date = true;

    /// <summary>Narrows the candidates by one non-null field.</summary>
    public void Observe(string s, CultureInfo c)
    {
        if (_bool && !FieldParsers.TryBool(s, c, out _))
        {
            _bool = false;
        }

        if (_long)
        {
            if (FieldParsers.TryLong(s, c, out _))
            {
                _date = false;
                return;
            }

            _long = false;
        }

        if (_double)
        {
            if (FieldParsers.TryDouble(s, c, out _))
            {
                _date = false;
                return;
            }

            _double = false;
        }

        if (_date && !FieldParsers.TryDate(s, c, out _))
        {
            _date = false;
        }
    }

    /// <summary>The inferred kind.</summary>
    public DataKind Result => _bool && _long ? DataKind.Float64
        : _bool ? DataKind.Boolean
        : _long ? DataKind.Int64
        : _double ? DataKind.Float64
        : _date ? DataKind.DateTime
        : DataKind.String;
}

/// <summary>Collects parsed fields of one column of a known kind and builds the column.</summary>
internal abstract class ColumnBuffer
{
    public static ColumnBuffer Create(DataKind kind, int rows, CultureInfo c) => kind switch
    {
        DataKind.Float64 => new PrimitiveBuffer<double>(rows, c, FieldParsers.TryDouble),
        DataKind.Float32 => new PrimitiveBuffer<float>(rows, c, FieldParsers.TryFloat),
        DataKind.Int64 => new PrimitiveBuffer<long>(rows, c, FieldParsers.TryLong),
        DataKind.Int32 => new PrimitiveBuffer<int>(rows, c, FieldParsers.TryInt),
        DataKind.Boolean => new PrimitiveBuffer<bool>(rows, c, FieldParsers.TryBool),
        DataKind.DateTime => new PrimitiveBuffer<DateTime>(rows, c, FieldParsers.TryDate),
        DataKind.String => new TextBuffer(rows, categorical: false),
        DataKind.Categorical => new TextBuffer(rows, categorical: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
    };

    /// <summary>Stores the field of <paramref name="row"/>; null text is a null value.</summary>
    public abstract void Set(int row, string? text);

    /// <summary>Builds the column.</summary>
    public abstract DataColumn Build(string name);

    private delegate bool Parser<T>(string s, CultureInfo c, out T value);

    private sealed class PrimitiveBuffer<T>(int rows, CultureInfo culture, Parser<T> parse) : ColumnBuffer
        where T : struct, IComparable<T>, IEquatable<T>
    {
        private readonly T[] _values = new T[rows];
        private bool[]? _nulls;

        public override void Set(int row, string? text)
        {
            if (text is null || !parse(text, culture, out _values[row]))
            {
                _nulls ??= new bool[_values.Length];
                _nulls[row] = true;
            }
        }

        public override DataColumn Build(string name) => new PrimitiveColumn<T>(name, _values, _nulls);
    }

    private sealed class TextBuffer(int rows, bool categorical) : ColumnBuffer
    {
        private readonly string?[] _values = new string?[rows];

        public override void Set(int row, string? text) => _values[row] = text;

        public override DataColumn Build(string name) =>
            categorical ? CategoricalColumn.FromValues(name, _values) : new StringColumn(name, _values, owned: true);
    }
}
