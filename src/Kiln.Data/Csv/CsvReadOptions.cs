using System.Globalization;

namespace Kiln.Data;

/// <summary>How <see cref="Csv"/> reads a CSV file.</summary>
/// <remarks>pandas: the arguments of <c>pd.read_csv</c>; Microsoft.Data.Analysis: the arguments of <c>DataFrame.LoadCsv</c>.</remarks>
public sealed record CsvReadOptions
{
    /// <summary>The field separator; defaults to a comma whatever the machine culture.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Whether the first record holds the column names; defaults to true.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Column names to use instead of (or, without a header, in place of) the header.</summary>
    public IReadOnlyList<string>? ColumnNames { get; init; }

    /// <summary>The culture numbers are parsed with; defaults to <see cref="CultureInfo.InvariantCulture"/>, never the machine culture.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Kinds for some or all columns by name; the others are inferred from all rows.</summary>
    public IReadOnlyDictionary<string, DataKind>? Schema { get; init; }

    /// <summary>Field texts read as null; defaults to the empty field only.</summary>
    public IReadOnlyCollection<string> NullValues { get; init; } = [""];
}

/// <summary>How <see cref="Csv"/> writes a CSV file.</summary>
public sealed record CsvWriteOptions
{
    /// <summary>The field separator; defaults to a comma.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Whether to write the header record; defaults to true.</summary>
    public bool WriteHeader { get; init; } = true;

    /// <summary>The record terminator; defaults to "\n" on every platform, as pandas on Linux.</summary>
    public string NewLine { get; init; } = "\n";
}

/// <summary>A CSV field or record that cannot be read, with where it is and what was expected.</summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception with its position and expectation.</summary>
    public CsvFormatException(string source, int line, int column, string? columnName, string expected, string? found, Exception? inner = null)
        : base(Describe(source, line, column, columnName, expected, found), inner)
    {
        SourceName = source;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Expected = expected;
        Found = found;
    }

    /// <summary>Creates the exception with a message.</summary>
    public CsvFormatException()
        : this("<unknown>", 0, 0, null, "valid CSV", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CsvFormatException(string message)
        : base(message)
    {
        SourceName = "<unknown>";
        Expected = message;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = "<unknown>";
        Expected = message;
    }

    /// <summary>The file name, or a description of the text that was read.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line where the record starts (the header is line 1).</summary>
    public int Line { get; }

    /// <summary>The 1-based field position, or 0 when the whole record is at fault.</summary>
    public int Column { get; }

    /// <summary>The column name, when known.</summary>
    public string? ColumnName { get; }

    /// <summary>What the reader expected.</summary>
    public string Expected { get; }

    /// <summary>The text found, when there is one.</summary>
    public string? Found { get; }

    private static string Describe(string source, int line, int column, string? columnName, string expected, string? found)
    {
        var where = column > 0
            ? $"{source}, line {line}, column {column}{(columnName is null ? string.Empty : $" ('{columnName}')")}"
            : $"{source}, line {line}";
        var what = found is null ? $"expected {expected}" : $"expected {expected} but found '{found}'";
        return $"{where}: {what}.";
    }
}
