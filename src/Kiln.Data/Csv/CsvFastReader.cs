using System.Globalization;

namespace Kiln.Data;

/// <summary>The fast path of <see cref="Csv"/>'s reader: tokenizes, infers and parses in one in-order pass per block of lines (blocks in parallel), then merges the blocks.</summary>
/// <remarks>
/// It gives the same frame as the general reader for the text it accepts, and declines (returns null) whenever the general
/// reader could read the text differently or must report an error: malformed records, blank lines before the end, duplicate
/// or mismatched names, schema problems, or a value that does not parse under the schema.
/// </remarks>
internal static class CsvFastReader
{
    /// <summary>Reads <paramref name="text"/>, or returns null when the general reader must.</summary>
    public static Frame? TryRead(string text, CsvReadOptions options)
    {
        if (text.Length == 0 || text[0] is '\r' or '\n')
        {
            return null;
        }

        var nullValues = options.NullValues.ToHashSet(StringComparer.Ordinal);
        var nullLookup = nullValues.GetAlternateLookup<ReadOnlySpan<char>>();
        Func<ReadOnlySpan<char>, bool> isNull = nullValues.Count == 1 && nullValues.Contains(string.Empty)
            ? static s => s.IsEmpty
            : s => nullLookup.Contains(s);
        string[]? names = null;
        DataKind?[]? kinds = null;
        var fields = CsvFields.TryTokenize(
            text,
            options.Separator,
            options.HasHeader,
            header =>
            {
                names = Names(header, options);
                kinds = names?.Select(n => options.Schema is not null && options.Schema.TryGetValue(n, out var k) ? k : (DataKind?)null).ToArray();
                return names is not null && SchemaMatches(options, names);
            },
            (rowStart, rows) => kinds!.Select(k => k is null ? new CsvColumnState(rowStart, rows, options.Culture, isNull) : null).ToArray(),
            out var blocks);
        if (fields is null)
        {
            return null;
        }

        var partRows = blocks.Select(b => b.Rows).ToArray();
        var columns = new DataColumn?[names!.Length];
        Parallel.For(0, columns.Length, j => columns[j] = kinds![j] is { } kind
            ? new CsvColumnParser(fields, j, options.Culture, isNull).Parse(names[j], kind)
            : CsvColumnState.Merge(names[j], blocks.Select(b => b.States[j]!).ToArray(), partRows, fields, j));
        return columns.Any(c => c is null) ? null : new Frame(columns!);
    }

    /// <summary>The column names as the general reader gives them, or null when it would throw.</summary>
    private static string[]? Names(string[] header, CsvReadOptions options)
    {
        if (options.ColumnNames is { } given)
        {
            return given.Count == header.Length ? [.. given] : null;
        }

        var names = new string[header.Length];
        for (var j = 0; j < names.Length; j++)
        {
            names[j] = options.HasHeader && !string.IsNullOrWhiteSpace(header[j])
                ? header[j]
                : string.Create(CultureInfo.InvariantCulture, $"Unnamed: {j}");
        }

        return names.Distinct(StringComparer.Ordinal).Count() == names.Length ? names : null;
    }

    private static bool SchemaMatches(CsvReadOptions options, string[] names) =>
        options.Schema is null || options.Schema.Keys.All(k => names.Contains(k, StringComparer.Ordinal));
}
