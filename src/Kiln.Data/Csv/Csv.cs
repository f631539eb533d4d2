using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Kiln.Data;

/// <summary>Reads and writes <see cref="Frame"/>s as CSV through CsvHelper, culture-independent by default.</summary>
/// <remarks>
/// Well-formed text is read by a fast path (<see cref="CsvFastReader"/>: tokenizing, inference and parsing in one in-order
/// pass per block of lines, blocks in parallel) that gives the same frame; anything else, and every error, goes through
/// CsvHelper, which makes two passes: the first checks every record and infers each column's kind from <em>all</em> rows
/// (Boolean, Int64, Float64, ISO date, else String), so long ids stay exact Int64 and a late odd value cannot break the load;
/// the second parses into typed columns. Empty fields are null. Dates are recognised in ISO 8601 form without offset
/// (<c>yyyy-MM-dd</c>, <c>yyyy-MM-ddTHH:mm[:ss[.fffffff]]</c>, or with a space for the T); other text stays String. pandas: <c>pd.read_csv</c> / <c>df.to_csv(index=False)</c>;
/// Microsoft.Data.Analysis: <c>DataFrame.LoadCsv</c> / <c>WriteCsv</c>.
/// </remarks>
public static class Csv
{
    /// <summary>Reads a CSV file.</summary>
    /// <exception cref="CsvFormatException">A record or field cannot be read; the message names file, line and column.</exception>
    public static Frame Read(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadString(ReadText(path), options, Path.GetFileName(path));
    }

    /// <summary>Reads CSV text from a reader, which is read to its end.</summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="options">The read options, or null for the defaults.</param>
    /// <param name="sourceName">The name error messages use for this text.</param>
    /// <exception cref="CsvFormatException">A record or field cannot be read.</exception>
    public static Frame Read(TextReader reader, CsvReadOptions? options = null, string sourceName = "<text>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadString(reader.ReadToEnd(), options, sourceName);
    }

    /// <summary>Reads CSV from a string.</summary>
    /// <exception cref="CsvFormatException">A record or field cannot be read.</exception>
    public static Frame ReadString(string text, CsvReadOptions? options = null, string sourceName = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new CsvReadOptions();
        ArgumentNullException.ThrowIfNull(options.Culture);
        return CsvFastReader.TryRead(text, options) ?? Read(() => new StringReader(text), options, sourceName);
    }

    /// <summary>Writes a frame to a CSV file with the invariant culture; nulls become empty fields.</summary>
    public static void Write(Frame frame, string path, CsvWriteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var writer = new StreamWriter(path);
        Write(frame, writer, options);
    }

    /// <summary>Writes a frame as CSV with the invariant culture; nulls become empty fields and fields are quoted where needed.</summary>
    /// <remarks>Numbers are written in round-trip form, dates as ISO 8601 and booleans as True/False, so reading the output gives the same frame.</remarks>
    public static void Write(Frame frame, TextWriter writer, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new CsvWriteOptions();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = options.Separator.ToString(), NewLine = options.NewLine };
        using var csv = new CsvWriter(writer, config, leaveOpen: true);
        if (options.WriteHeader)
        {
            foreach (var c in frame.Columns)
            {
                csv.WriteField(c.Name);
            }

            csv.NextRecord();
        }

        for (var r = 0; r < frame.RowCount; r++)
        {
            foreach (var c in frame.Columns)
            {
                csv.WriteField(c.FormatValue(r));
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    /// <summary>Returns a frame as CSV text.</summary>
    public static string WriteString(Frame frame, CsvWriteOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(frame, writer, options);
        return writer.ToString();
    }

    /// <summary>Reads a file as text the way <see cref="StreamReader"/> does (UTF-8 unless a byte order mark says otherwise), decoding in one vectorized call.</summary>
    private static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var utf8Bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var otherBom = bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE));
        return otherBom ? File.ReadAllText(path) : System.Text.Encoding.UTF8.GetString(bytes.AsSpan(utf8Bom ? 3 : 0));
    }

    private static Frame Read(Func<TextReader> open, CsvReadOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(options.Culture);
        var scan = CsvScan.Run(open, options, source);
        var buffers = scan.Kinds.Select(k => ColumnBuffer.Create(k, scan.RowCount, options.Culture)).ToArray();
        var nulls = options.NullValues.ToHashSet(StringComparer.Ordinal);
        using (var reader = open())
        using (var parser = new CsvParser(reader, CsvScan.Configuration(options, source)))
        {
            var row = -1;
            while (parser.Read())
            {
                if (row++ < 0 && options.HasHeader)
                {
                    continue;
                }

                for (var j = 0; j < buffers.Length; j++)
                {
                    var text = parser[j];
                    buffers[j].Set(row - (options.HasHeader ? 1 : 0), nulls.Contains(text) ? null : text);
                }
            }
        }

        return new Frame(buffers.Select((b, j) => b.Build(scan.Names[j])));
    }
}
