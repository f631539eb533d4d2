using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Kiln.Data;

/// <summary>The first pass over a CSV: names, row count, and each column's kind, checking every record.</summary>
internal sealed class CsvScan
{
    private CsvScan(string[] names, DataKind[] kinds, int rowCount)
    {
        Names = names;
        Kinds = kinds;
        RowCount = rowCount;
    }

    public string[] Names { get; }

    public DataKind[] Kinds { get; }

    public int RowCount { get; }

    public static CsvConfiguration Configuration(CsvReadOptions options, string source) => new(options.Culture)
    {
        Delimiter = options.Separator.ToString(),
        HasHeaderRecord = options.HasHeader,
        BadDataFound = args => throw new CsvFormatException(
            source, args.Context.Parser?.RawRow ?? 0, 0, null, "a field without stray quotes (quote the whole field and double inner quotes)", args.Field),
    };

    public static CsvScan Run(Func<TextReader> open, CsvReadOptions options, string source)
    {
        using var reader = open();
        using var parser = new CsvParser(reader, Configuration(options, source));
        string[]? names = options.ColumnNames?.ToArray();
        KindInference[]? inference = null;
        DataKind?[]? fixedKinds = null;
        var nulls = options.NullValues.ToHashSet(StringComparer.Ordinal);
        var rows = 0;
        var first = true;
        while (parser.Read())
        {
            var line = parser.RawRow - parser.RawRecord.AsSpan().TrimEnd("\r\n").Count('\n');
            if (first)
            {
                first = false;
                names = ReadNames(parser, options, names, source);
                inference = names.Select(_ => new KindInference()).ToArray();
                fixedKinds = names.Select(n => options.Schema is not null && options.Schema.TryGetValue(n, out var k) ? k : (DataKind?)null).ToArray();
                CheckSchema(options, names);
                if (options.HasHeader)
                {
                    continue;
                }
            }

            if (parser.Count != names!.Length)
            {
                throw new CsvFormatException(source, line, 0, null, $"{names.Length} fields as in the header", $"{parser.Count} fields");
            }

            for (var j = 0; j < names.Length; j++)
            {
                var text = parser[j];
                if (nulls.Contains(text))
                {
                    continue;
                }

                if (fixedKinds![j] is { } kind)
                {
                    if (!FieldParsers.IsValid(kind, text, options.Culture))
                    {
                        throw new CsvFormatException(source, line, j + 1, names[j], FieldParsers.Expectation(kind, options.Culture), text);
                    }
                }
                else
                {
                    inference![j].Observe(text, options.Culture);
                }
            }

            rows++;
        }

        if (names is null)
        {
            throw new CsvFormatException(source, 1, 0, null, "a header record", "an empty file");
        }

        var kinds = names.Select((_, j) => fixedKinds![j] ?? inference![j].Result).ToArray();
        return new CsvScan(names, kinds, rows);
    }

    private static string[] ReadNames(CsvParser parser, CsvReadOptions options, string[]? given, string source)
    {
        if (given is not null)
        {
            if (given.Length != parser.Count)
            {
                throw new CsvFormatException(source, 1, 0, null, $"{given.Length} fields, one per given column name", $"{parser.Count} fields");
            }

            return given;
        }

        var names = Enumerable.Range(0, parser.Count)
            .Select(j => options.HasHeader && !string.IsNullOrWhiteSpace(parser[j]) ? parser[j] : string.Create(CultureInfo.InvariantCulture, $"Unnamed: {j}"))
            .ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CsvFormatException(source, 1, Array.IndexOf(names, duplicate.Key, 1 + Array.IndexOf(names, duplicate.Key)) + 1, duplicate.Key,
                "distinct column names (pass CsvReadOptions.ColumnNames to rename)", duplicate.Key);
        }

        return names;
    }

    private static void CheckSchema(CsvReadOptions options, string[] names)
    {
        var unknown = options.Schema?.Keys.FirstOrDefault(k => !names.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException(
                $"The schema names column '{unknown}', which the CSV does not have; the columns are: {string.Join(", ", names)}.", nameof(options));
        }
    }
}
