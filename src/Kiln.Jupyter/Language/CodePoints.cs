namespace Kiln.Jupyter.Language;

/// <summary>Converts between Jupyter cursor positions (Unicode code points, protocol 5.2+) and .NET string indices (UTF-16).</summary>
internal static class CodePoints
{
    /// <summary>Returns the UTF-16 index of code point <paramref name="codePoint"/> in <paramref name="text"/>, clamped to its length.</summary>
    public static int ToUtf16Index(string text, int codePoint)
    {
        var index = 0;
        for (var seen = 0; seen < codePoint && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        }

        return index;
    }

    /// <summary>Returns the number of code points before UTF-16 index <paramref name="index"/> of <paramref name="text"/>.</summary>
    public static int FromUtf16Index(string text, int index)
    {
        var count = 0;
        for (var i = 0; i < Math.Min(index, text.Length); i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                count++;
            }
        }

        return count;
    }
}
