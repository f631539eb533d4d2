using System.Buffers;

namespace Kiln.Data;

/// <summary>
/// The field boundaries of well-formed CSV text, column by column, found in one pass without allocating per field:
/// the fast path of <see cref="Csv"/>'s reader.
/// </summary>
/// <remarks>
/// Only text that the general (CsvHelper) reader would read the same way is accepted: records end in LF or CRLF, every
/// record has the header's field count, quotes enclose whole fields (inner quotes doubled), and blank lines occur only at
/// the end. <see cref="TryTokenize"/> returns null for anything else, and the general reader then reads the text (and
/// reports its errors with line and column).
/// </remarks>
internal sealed class CsvFields
{
    private readonly int[][] _starts;
    private readonly int[][] _lengths;

    private CsvFields(string text, int[][] starts, int[][] lengths, int rows)
    {
        Text = text;
        _starts = starts;
        _lengths = lengths;
        RowCount = rows;
    }

    /// <summary>The text the fields lie in.</summary>
    public string Text { get; }

    /// <summary>The number of data records (the header record excluded when there is one).</summary>
    public int RowCount { get; }

    /// <summary>The value of any field: its characters, with doubled quotes of a quoted field made single.</summary>
    public ReadOnlySpan<char> Value(int column, int row, out string? unescaped)
    {
        var length = _lengths[column][row];
        if (length >= 0)
        {
            unescaped = null;
            return Text.AsSpan(_starts[column][row], length);
        }

        unescaped = Text.Substring(_starts[column][row], -length - 1).Replace("\"\"", "\"", StringComparison.Ordinal);
        return unescaped;
    }

    /// <summary>Finds every field of <paramref name="text"/>, or returns null when the general reader must read it.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="hasHeader">Whether the first record is a header rather than data.</param>
    /// <param name="acceptHeader">Given the first record's fields, whether to go on (false declines the text).</param>
    /// <param name="newStates">Given a block's first row and row count, returns per column an observer of that block's fields (null entries for none).</param>
    /// <param name="blocks">The blocks of rows, in order, with their observers.</param>
    /// <remarks>
    /// Text without quotes is split at line ends into one block per processor, tokenized in parallel; text with quotes is one block.
    /// </remarks>
    public static CsvFields? TryTokenize(
        string text, char separator, bool hasHeader, Func<string[], bool> acceptHeader, Func<int, int, CsvColumnState?[]> newStates, out CsvBlock[] blocks)
    {
        blocks = [];
        if (separator is '"' or '\r' or '\n')
        {
            return null;
        }

        var stops = SearchValues.Create([separator, '\n', '\r', '"']);
        var pos = 0;
        var first = new List<(int Start, int Length)>();
        if (!TryRecord(text, ref pos, separator, stops, first, null, null, 0, int.MaxValue))
        {
            return null;
        }

        var columns = first.Count;
        var header = first.Select(f => Unescape(text, f.Start, f.Length)).ToArray();
        if (!acceptHeader(header))
        {
            return null;
        }

        pos = hasHeader ? pos : 0;
        var plan = Plan(text, pos);
        var capacity = plan[^1].RowStart + plan[^1].Rows;
        var starts = new int[columns][];
        var lengths = new int[columns][];
        for (var c = 0; c < columns; c++)
        {
            starts[c] = GC.AllocateUninitializedArray<int>(capacity);
            lengths[c] = GC.AllocateUninitializedArray<int>(capacity);
        }

        var fields = new CsvFields(text, starts, lengths, 0);
        var found = new CsvBlock[plan.Length];
        var failed = 0;
        Parallel.For(0, plan.Length, b =>
        {
            var (begin, end, rowStart, rows) = plan[b];
            var states = newStates(rowStart, rows);
            var p = begin;
            var row = rowStart;
            while (p < end && Volatile.Read(ref failed) == 0)
            {
                if (text[p] is '\n' or '\r')
                {
                    // A blank line: fine at the end (the general reader skips it), otherwise leave it to the general reader.
                    if (b != plan.Length - 1 || text.AsSpan(p).ContainsAnyExcept('\r', '\n'))
                    {
                        Volatile.Write(ref failed, 1);
                    }

                    break;
                }

                if (row == rowStart + rows || !TryRecord(text, ref p, separator, stops, null, fields, states, row, columns))
                {
                    Volatile.Write(ref failed, 1);
                    break;
                }

                row++;
            }

            if (b != plan.Length - 1 && row != rowStart + rows)
            {
                Volatile.Write(ref failed, 1);
            }

            found[b] = new CsvBlock(rowStart, row - rowStart, states);
        });

        if (failed != 0)
        {
            return null;
        }

        blocks = found;
        return new CsvFields(text, starts, lengths, found[^1].RowStart + found[^1].Rows);
    }

    /// <summary>Splits the data from <paramref name="pos"/> into blocks of whole lines: (begin, end, first row, most rows).</summary>
    private static (int Begin, int End, int RowStart, int Rows)[] Plan(string text, int pos)
    {
        var data = text.AsSpan(pos);
        var parts = data.Length < (1 << 20) || data.Contains('"') ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 8);
        var plan = new (int, int, int, int)[parts];
        var rowStart = 0;
        var begin = pos;
        for (var b = 0; b < parts; b++)
        {
            var end = text.Length;
            if (b < parts - 1)
            {
                var cut = pos + (int)((long)data.Length * (b + 1) / parts);
                var newline = text.AsSpan(cut).IndexOf('\n');
                end = newline < 0 ? text.Length : cut + newline + 1;
                end = Math.Max(end, begin);
            }

            var block = text.AsSpan(begin, end - begin);
            var rows = block.Count('\n') + (block.Length > 0 && block[^1] != '\n' ? 1 : 0);
            plan[b] = (begin, end, rowStart, rows);
            rowStart += rows;
            begin = end;
        }

        return plan;
    }

    /// <summary>Reads one record from <paramref name="pos"/>, into <paramref name="list"/> or into row <paramref name="row"/> of the arrays.</summary>
    private static bool TryRecord(
        string text, ref int pos, char separator, SearchValues<char> stops, List<(int, int)>? list, CsvFields? fields, CsvColumnState?[]? states, int row, int columns)
    {
        var span = text.AsSpan();
        for (var c = 0; ; c++)
        {
            if (c >= columns)
            {
                return false;
            }

            int start, length;
            if (pos < span.Length && span[pos] == '"')
            {
                start = pos + 1;
                var escaped = false;
                var j = start;
                while (true)
                {
                    var q = span[j..].IndexOf('"');
                    if (q < 0)
                    {
                        return false;
                    }

                    j += q;
                    if (j + 1 < span.Length && span[j + 1] == '"')
                    {
                        escaped = true;
                        j += 2;
                        continue;
                    }

                    break;
                }

                length = escaped ? -(j - start) - 1 : j - start;
                pos = j + 1;
            }
            else
            {
                var stop = span[pos..].IndexOfAny(stops);
                var end = stop < 0 ? span.Length : pos + stop;
                if (end < span.Length && span[end] == '"')
                {
                    return false;
                }

                start = pos;
                length = end - pos;
                pos = end;
            }

            if (list is not null)
            {
                list.Add((start, length));
            }
            else
            {
                fields!._starts[c][row] = start;
                fields._lengths[c][row] = length;
                if (states![c] is { } state)
                {
                    if (length >= 0)
                    {
                        state.Observe(fields, c, row, span.Slice(start, length), null);
                    }
                    else
                    {
                        state.Observe(fields, c, row, fields.Value(c, row, out var unescaped), unescaped);
                    }
                }
            }

            if (pos >= span.Length)
            {
                return list is not null || c == columns - 1;
            }

            var ch = span[pos];
            if (ch == separator)
            {
                pos++;
                continue;
            }

            if (ch == '\r')
            {
                if (pos + 1 >= span.Length || span[pos + 1] != '\n')
                {
                    return false;
                }

                pos++;
            }

            if (span[pos] != '\n')
            {
                return false;
            }

            pos++;
            return list is not null || c == columns - 1;
        }
    }

    private static string Unescape(string text, int start, int length) =>
        length >= 0 ? text.Substring(start, length) : text.Substring(start, -length - 1).Replace("\"\"", "\"", StringComparison.Ordinal);
}

/// <summary>A block of consecutive data rows tokenized together, with the observers of its columns.</summary>
/// <param name="RowStart">The first row of the block.</param>
/// <param name="Rows">The number of rows found.</param>
/// <param name="States">Per column, the observer of this block's fields, or null.</param>
internal sealed record CsvBlock(int RowStart, int Rows, CsvColumnState?[] States);
