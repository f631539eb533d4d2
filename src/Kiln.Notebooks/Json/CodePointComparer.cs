namespace Kiln.Notebooks.Json;

/// <summary>Orders strings by Unicode code point, as Python's <c>sorted</c> does for <c>str</c> keys.</summary>
/// <remarks>Ordinal UTF-16 comparison differs from code point order only when surrogates meet U+E000–U+FFFF.</remarks>
internal sealed class CodePointComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static CodePointComparer Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
            {
                return Weight(a).CompareTo(Weight(b));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    // Surrogates encode code points above U+FFFF, so they sort after every other UTF-16 unit.
    private static int Weight(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
