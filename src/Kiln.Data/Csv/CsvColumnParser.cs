using System.Globalization;

namespace Kiln.Data;

/// <summary>Parses one column of <see cref="CsvFields"/>, whose kind is known (from the schema or from inference), into a typed column.</summary>
internal sealed class CsvColumnParser(CsvFields fields, int column, CultureInfo culture, Func<ReadOnlySpan<char>, bool> isNull)
{
    private const int MaxInterned = 1 << 16;

    /// <summary>Parses the column as <paramref name="kind"/>; returns null when a field does not parse (the general reader then reports it).</summary>
    public DataColumn? Parse(string name, DataKind kind) => kind switch
    {
        DataKind.Float64 => Primitive<double>(name, TryDouble),
        DataKind.Float32 => Primitive<float>(name, (s, c, out v) => float.TryParse(s, NumberStyles.Float, c, out v)),
        DataKind.Int64 => Primitive<long>(name, TryLong),
        DataKind.Int32 => Primitive<int>(name, (s, c, out v) => int.TryParse(s, NumberStyles.Integer, c, out v)),
        DataKind.Boolean => Primitive<bool>(name, TryBool),
        DataKind.DateTime => Primitive<DateTime>(name, TryDate),
        DataKind.String => new StringColumn(name, Texts(), owned: true),
        DataKind.Categorical => CategoricalColumn.FromValues(name, Texts()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
    };

    private delegate bool SpanParser<T>(ReadOnlySpan<char> s, CultureInfo c, out T value);

    /// <summary>Parses a double as <see cref="FieldParsers.TryDouble"/> does, with an exact fast path for plain decimals.</summary>
    public static bool TryDouble(ReadOnlySpan<char> s, CultureInfo c, out double v) =>
        (IsPlainCulture(c) && PlainNumbers.TryParsePlain(s, out v)) || double.TryParse(s, NumberStyles.Float, c, out v);

    /// <summary>Whether plain decimals read the same under <paramref name="c"/> as under the invariant culture.</summary>
    private static bool IsPlainCulture(CultureInfo c) =>
        ReferenceEquals(c, CultureInfo.InvariantCulture)
        || c.NumberFormat is { NumberDecimalSeparator: ".", NegativeSign: "-", PositiveSign: "+" };

    /// <summary>Parses an Int64 as <see cref="FieldParsers.TryLong"/> does, with an exact fast path for plain integers.</summary>
    public static bool TryLong(ReadOnlySpan<char> s, CultureInfo c, out long v) =>
        (IsPlainCulture(c) && PlainNumbers.TryParsePlainLong(s, out v)) || long.TryParse(s, NumberStyles.Integer, c, out v);

    private static bool TryBool(ReadOnlySpan<char> s, CultureInfo c, out bool v) => bool.TryParse(s, out v);

    /// <summary>Parses a date as <see cref="FieldParsers.TryDate"/> does.</summary>
    public static bool TryDate(ReadOnlySpan<char> s, CultureInfo c, out DateTime v) => DateTimeFormats.TryParse(s.Trim(), out v);

    private PrimitiveColumn<T>? Primitive<T>(string name, SpanParser<T> parse)
        where T : struct, IComparable<T>, IEquatable<T>
    {
        var rows = fields.RowCount;
        var values = new T[rows];
        bool[]? nulls = null;
        for (var r = 0; r < rows; r++)
        {
            var s = fields.Value(column, r, out _);
            if (isNull(s))
            {
                nulls ??= new bool[rows];
                nulls[r] = true;
            }
            else if (!parse(s, culture, out values[r]))
            {
                return null;
            }
        }

        return new PrimitiveColumn<T>(name, values, nulls);
    }

    /// <summary>The fields as strings (nulls as null); repeated values share one string while there are few distinct ones.</summary>
    private string?[] Texts()
    {
        var rows = fields.RowCount;
        var values = new string?[rows];
        var interned = new HashSet<string>(StringComparer.Ordinal);
        var lookup = interned.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var r = 0; r < rows; r++)
        {
            var s = fields.Value(column, r, out var unescaped);
            if (isNull(s))
            {
                continue;
            }

            if (lookup.TryGetValue(s, out var shared))
            {
                values[r] = shared;
            }
            else
            {
                values[r] = unescaped ?? s.ToString();
                if (interned.Count < MaxInterned)
                {
                    interned.Add(values[r]!);
                }
            }
        }

        return values;
    }
}
