using System.Globalization;

namespace Kiln.Data;

/// <summary>
/// Infers and parses one column over one block of rows while <see cref="CsvFields"/> tokenizes it, so the text is read once, in order.
/// </summary>
/// <remarks>
/// The kind is narrowed exactly as <see cref="KindInference"/> does. Fields are stored as Int64 while they parse so, as
/// Float64 once one does not (earlier rows are parsed again as doubles), and as strings once the column can only be String
/// (earlier rows are taken again from their recorded positions). Each candidate kind holds only if every field allows it, so
/// blocks combine by "all blocks allow it" (<see cref="Merge"/>); Boolean and DateTime columns are parsed after the pass.
/// </remarks>
internal sealed class CsvColumnState(int rowStart, int rows, CultureInfo culture, Func<ReadOnlySpan<char>, bool> isNull)
{
    private const int MaxInterned = 1 << 16;
    private readonly int _rowStart = rowStart;
    private readonly int _rows = rows;
    private readonly CultureInfo _culture = culture;
    private readonly Func<ReadOnlySpan<char>, bool> _isNull = isNull;
    private readonly long[] _longs = new long[rows];
    private double[]? _doubles;
    private string?[]? _texts;
    private HashSet<string>? _interned;
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _internedLookup;
    private bool[]? _nulls;
    private bool _isBool = true;
    private bool _isLong = true;
    private bool _isDouble = true;
    private bool _isDate = true;

    /// <summary>Observes the field of <paramref name="row"/>; rows come in order and <paramref name="fields"/> already holds the earlier ones.</summary>
    public void Observe(CsvFields fields, int column, int row, ReadOnlySpan<char> s, string? unescaped)
    {
        var local = row - _rowStart;
        if (_isNull(s))
        {
            _nulls ??= new bool[_rows];
            _nulls[local] = true;
            return;
        }

        if (_texts is not null)
        {
            _texts[local] = Intern(s, unescaped);
            return;
        }

        if (_isBool && !bool.TryParse(s, out _))
        {
            _isBool = false;
        }

        if (_isLong)
        {
            if (CsvColumnParser.TryLong(s, _culture, out _longs[local]))
            {
                _isDate = false;
                return;
            }

            _isLong = false;
            _doubles = Doubles(fields, column, local);
        }

        if (_isDouble)
        {
            if (CsvColumnParser.TryDouble(s, _culture, out _doubles![local]))
            {
                _isDate = false;
                return;
            }

            _isDouble = false;
        }

        if (_isDate && !CsvColumnParser.TryDate(s, _culture, out _))
        {
            _isDate = false;
        }

        if (!_isBool && !_isDate)
        {
            // Nothing but String is left: keep the texts from here on.
            _texts = Texts(fields, column, local + 1);
        }
    }

    /// <summary>Builds the column from its blocks' states; null when a second pass fails (it cannot for inferred kinds).</summary>
    public static DataColumn? Merge(string name, CsvColumnState[] parts, int[] partRows, CsvFields fields, int column)
    {
        var total = fields.RowCount;
        bool isBool = parts.All(p => p._isBool), isLong = parts.All(p => p._isLong);
        bool isDouble = parts.All(p => p._isDouble), isDate = parts.All(p => p._isDate);
        if (isBool && isLong)
        {
            var all = new bool[total];
            Array.Fill(all, true);
            return new PrimitiveColumn<double>(name, new double[total], all);
        }

        var culture = parts[0]._culture;
        var parser = new CsvColumnParser(fields, column, culture, parts[0]._isNull);
        if (isBool || (isDate && !isLong && !isDouble))
        {
            return parser.Parse(name, isBool ? DataKind.Boolean : DataKind.DateTime);
        }

        bool[]? nulls = null;
        if (parts.Any(p => p._nulls is not null))
        {
            nulls = new bool[total];
            for (var b = 0; b < parts.Length; b++)
            {
                parts[b]._nulls?.AsSpan(0, partRows[b]).CopyTo(nulls.AsSpan(parts[b]._rowStart));
            }
        }

        if (isLong)
        {
            return new PrimitiveColumn<long>(name, Concat(parts, partRows, (p, _) => p._longs), nulls);
        }

        if (isDouble)
        {
            return new PrimitiveColumn<double>(name, Concat(parts, partRows, (p, n) => p._doubles ?? p.Doubles(fields, column, n)), nulls);
        }

        return new StringColumn(name, Concat(parts, partRows, (p, n) => p._texts ?? p.Texts(fields, column, n)), owned: true);
    }

    private static T[] Concat<T>(CsvColumnState[] parts, int[] partRows, Func<CsvColumnState, int, T[]> values)
    {
        if (parts.Length == 1 && partRows[0] == parts[0]._rows)
        {
            return values(parts[0], partRows[0]);
        }

        var result = new T[partRows.Sum()];
        for (var b = 0; b < parts.Length; b++)
        {
            values(parts[b], partRows[b]).AsSpan(0, partRows[b]).CopyTo(result.AsSpan(parts[b]._rowStart));
        }

        return result;
    }

    /// <summary>Parses the block's first <paramref name="count"/> _rows as doubles (they all parse, as they parsed as Int64).</summary>
    private double[] Doubles(CsvFields fields, int column, int count)
    {
        var doubles = new double[_rows];
        for (var k = 0; k < count; k++)
        {
            if (_nulls is null || !_nulls[k])
            {
                CsvColumnParser.TryDouble(fields.Value(column, _rowStart + k, out _), _culture, out doubles[k]);
            }
        }

        return doubles;
    }

    /// <summary>Takes the block's first <paramref name="count"/> _rows as strings.</summary>
    private string?[] Texts(CsvFields fields, int column, int count)
    {
        var texts = new string?[_rows];
        if (_interned is null)
        {
            _interned = new HashSet<string>(StringComparer.Ordinal);
            _internedLookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        for (var k = 0; k < count; k++)
        {
            if (_nulls is null || !_nulls[k])
            {
                var value = fields.Value(column, _rowStart + k, out var escaped);
                texts[k] = Intern(value, escaped);
            }
        }

        return texts;
    }

    private string Intern(ReadOnlySpan<char> s, string? unescaped)
    {
        if (_internedLookup.TryGetValue(s, out var shared))
        {
            return shared;
        }

        var value = unescaped ?? s.ToString();
        if (_interned!.Count < MaxInterned)
        {
            _interned.Add(value);
        }

        return value;
    }
}
