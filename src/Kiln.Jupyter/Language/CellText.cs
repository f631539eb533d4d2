namespace Kiln.Jupyter.Language;

/// <summary>Prepares cell text for Roslyn analysis.</summary>
internal static class CellText
{
    /// <summary>Returns <paramref name="cell"/> with magic lines (<c>#!…</c>, <c>#r</c>, <c>#i</c>) blanked, keeping offsets and line numbers.</summary>
    public static string WithoutMagics(string cell)
    {
        if (!cell.Contains('#', StringComparison.Ordinal))
        {
            return cell;
        }

        return string.Join('\n', cell.Split('\n').Select(line =>
        {
            var trimmed = line.TrimStart();
            var magic = trimmed.StartsWith("#!", StringComparison.Ordinal)
                || trimmed.StartsWith("#r ", StringComparison.Ordinal)
                || trimmed.StartsWith("#i ", StringComparison.Ordinal);
            return magic ? new string(' ', line.Length) : line;
        }));
    }
}
