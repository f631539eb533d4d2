using System.Text;

namespace Kiln.Kernel.Magics;

/// <summary>A magic command found on its own line of a cell.</summary>
/// <param name="Line">The 1-based line of the magic in the cell.</param>
/// <param name="Name">The command: <c>#r</c>, <c>#i</c> or <c>#!name</c>.</param>
/// <param name="Argument">The rest of the line, trimmed.</param>
internal sealed record MagicLine(int Line, string Name, string Argument)
{
    /// <summary>Whether the magic asks for its usage text.</summary>
    public bool WantsHelp => Argument is "-h" or "--help" or "-?";

    /// <summary>Returns the text of a quoted argument (<c>"x"</c>), or null when the argument is not one quoted string.</summary>
    public string? QuotedArgument =>
        Argument.Length >= 2 && Argument[0] == '"' && Argument[^1] == '"' && Argument.Count(c => c == '"') == 2
            ? Argument[1..^1].Trim()
            : null;
}

/// <summary>A cell split into its magic lines and its C# code.</summary>
/// <param name="Code">The cell with every magic line blanked, so C# line numbers still match the cell.</param>
/// <param name="Magics">The magic lines in order.</param>
internal sealed record ParsedCell(string Code, IReadOnlyList<MagicLine> Magics)
{
    /// <summary>Whether any C# code remains once the magics are removed.</summary>
    public bool HasCode => !string.IsNullOrWhiteSpace(Code);
}

/// <summary>Finds magic lines (<c>#!name</c>, <c>#r</c>, <c>#i</c>) in a cell.</summary>
internal static class MagicParser
{
    /// <summary>Splits <paramref name="cell"/> into magic lines and C# code with the magic lines left empty.</summary>
    public static ParsedCell Parse(string cell)
    {
        if (!cell.Contains('#', StringComparison.Ordinal))
        {
            return new ParsedCell(cell, []);
        }

        var magics = new List<MagicLine>();
        var code = new StringBuilder(cell.Length);
        var lineNumber = 0;
        var start = 0;
        while (start <= cell.Length)
        {
            lineNumber++;
            var end = cell.IndexOf('\n', start);
            var lineEnd = end < 0 ? cell.Length : end;
            var line = cell[start..lineEnd].TrimEnd('\r');
            if (TryParseMagic(line, lineNumber) is { } magic)
            {
                magics.Add(magic);
            }
            else
            {
                code.Append(line);
            }

            if (end < 0)
            {
                break;
            }

            code.Append('\n');
            start = end + 1;
        }

        return new ParsedCell(code.ToString(), magics);
    }

    private static MagicLine? TryParseMagic(string line, int lineNumber)
    {
        var text = line.Trim();
        if (text.StartsWith("#!", StringComparison.Ordinal))
        {
            var space = text.IndexOfAny([' ', '\t']);
            return space < 0
                ? new MagicLine(lineNumber, text, string.Empty)
                : new MagicLine(lineNumber, text[..space], text[(space + 1)..].Trim());
        }

        foreach (var directive in new[] { "#r", "#i" })
        {
            if (text.StartsWith(directive, StringComparison.Ordinal)
                && (text.Length == 2 || text[2] is ' ' or '\t' or '"'))
            {
                return new MagicLine(lineNumber, directive, text[2..].Trim());
            }
        }

        return null;
    }
}
