using System.Globalization;
using System.Text;

namespace Kiln.Notebooks.Json;

/// <summary>Formats doubles exactly as Python's <c>repr(float)</c> (and so <c>json.dumps</c>) does.</summary>
/// <remarks>
/// Shortest round-trip digits; fixed notation with at least one decimal when the decimal exponent is in [-4, 16),
/// otherwise <c>d.ddde+XX</c>. <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> as Python's encoder writes them.
/// </remarks>
internal static class PythonFloat
{
    /// <summary>Returns Python's text for <paramref name="value"/>.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var sb = new StringBuilder();
        if (double.IsNegative(value))
        {
            sb.Append('-');
            value = -value;
        }

        if (value == 0)
        {
            return sb.Append("0.0").ToString();
        }

        // "R" gives the shortest round-trip digits; E-format splits them from the exponent reliably.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = Decompose(shortest);
        if (exponent >= -4 && exponent < 16)
        {
            AppendFixed(sb, digits, exponent);
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    // Splits .NET's shortest text into significant digits (no leading/trailing zeros) and the decimal exponent
    // of the first digit, so value = 0.d1d2d3... * 10^(exponent + 1).
    private static (string Digits, int Exponent) Decompose(string text)
    {
        var ePos = text.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? text[..ePos] : text;
        var exponent = ePos >= 0 ? int.Parse(text.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var all = intPart + fracPart;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        var firstDigitExponent = intPart.Length - 1 - leadingZeros + exponent;
        return (digits.Length == 0 ? "0" : digits, firstDigitExponent);
    }

    private static void AppendFixed(StringBuilder sb, string digits, int exponent)
    {
        if (exponent < 0)
        {
            sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            return;
        }

        var intDigits = exponent + 1;
        if (digits.Length <= intDigits)
        {
            sb.Append(digits).Append('0', intDigits - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, intDigits).Append('.').Append(digits, intDigits, digits.Length - intDigits);
        }
    }
}
