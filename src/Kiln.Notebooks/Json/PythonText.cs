namespace Kiln.Notebooks.Json;

/// <summary>Python's <c>str.splitlines(keepends=True)</c>, which nbformat uses to write multiline strings.</summary>
internal static class PythonText
{
    /// <summary>Splits <paramref name="text"/> after every Python line boundary, keeping the boundaries.</summary>
    /// <remarks>
    /// Boundaries: <c>\n</c>, <c>\r</c>, <c>\r\n</c>, <c>\v</c>, <c>\f</c>, <c>\x1c</c>, <c>\x1d</c>, <c>\x1e</c>,
    /// <c>\x85</c>, U+2028 and U+2029. An empty string gives no lines.
    /// </remarks>
    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsLineBoundary(c))
            {
                continue;
            }

            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static bool IsLineBoundary(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}
