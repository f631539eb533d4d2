namespace Kiln.Data;

/// <summary>Exact fast paths for the plain numbers that fill most CSV files: integers, and decimals <c>[-+]digits[.digits]</c> with at most 15 significant digits.</summary>
/// <remarks>
/// Such a number is m / 10^k with m below 2^53 and k at most 22, both exactly representable, so one IEEE division gives the
/// correctly rounded double that <see cref="double.Parse(string)"/> returns (Clinger's fast path). Anything else (exponents,
/// more digits, whitespace, culture-specific signs) is declined and parsed by the BCL.
/// </remarks>
internal static class PlainNumbers
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses an invariant-culture plain decimal, or returns false without deciding whether the text is a number.</summary>
    public static bool TryParsePlain(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var intDigits = 0;
        for (; i < s.Length && (uint)(s[i] - '0') <= 9; i++)
        {
            mantissa = (mantissa * 10) + (uint)(s[i] - '0');
            digits += mantissa == 0 ? 0 : 1; // leading zeros are not significant
            intDigits++;
        }

        var fraction = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            for (; i < s.Length && (uint)(s[i] - '0') <= 9; i++)
            {
                mantissa = (mantissa * 10) + (uint)(s[i] - '0');
                digits += mantissa == 0 ? 0 : 1;
                fraction++;
            }

            if (fraction == 0)
            {
                return false;
            }
        }

        if (i != s.Length || intDigits == 0 || digits > 15 || fraction > 22)
        {
            return false;
        }

        var magnitude = fraction == 0 ? (double)mantissa : mantissa / PowersOfTen[fraction];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>Parses an invariant-culture plain integer <c>[-+]digits</c> of at most 18 digits, or returns false without deciding whether the text is a number.</summary>
    /// <remarks>18 digits always fit in an Int64, so no overflow check is needed; longer or decorated text goes to <see cref="long.TryParse(string, out long)"/>.</remarks>
    public static bool TryParsePlainLong(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            i = 1;
        }

        var digits = s.Length - i;
        if (digits is < 1 or > 18)
        {
            return false;
        }

        long result = 0;
        for (; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d > 9)
            {
                return false;
            }

            result = (result * 10) + d;
        }

        value = negative ? -result : result;
        return true;
    }
}
