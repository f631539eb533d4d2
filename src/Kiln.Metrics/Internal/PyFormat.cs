using System.Globalization;

namespace Kiln.Metrics.Internal;

/// <summary>Python's float formatting, so text output is byte-equal to scikit-learn's.</summary>
internal static class PyFormat
{
    /// <summary>Python's <c>format(x, '.{digits}f')</c>: correctly rounded, exact ties to even.</summary>
    public static string Fixed(double value, int digits)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var exact = value.ToString("F" + (digits + 40).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var dot = exact.IndexOf('.', StringComparison.Ordinal);
        var tail = exact[(dot + 1 + digits)..];
        var isTie = tail[0] == '5' && tail.AsSpan(1).IndexOfAnyExcept('0') < 0;
        if (isTie)
        {
            var rounded = Math.Round((decimal)value, digits, MidpointRounding.ToEven);
            return rounded.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Python's <c>str(float)</c> / <c>repr(float)</c>: shortest round-trip digits, <c>2.0</c> not <c>2</c>.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return r.Contains('.', StringComparison.Ordinal) ? r : r + ".0";
        }

        var mantissa = r[..e];
        var exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        if (exponent is >= -4 and < 16)
        {
            var plain = value.ToString("F" + Math.Max(0, -exponent + mantissa.Replace("-", string.Empty, StringComparison.Ordinal).Length), CultureInfo.InvariantCulture);
            plain = plain.Contains('.', StringComparison.Ordinal) ? plain.TrimEnd('0') : plain;
            return plain.EndsWith('.') ? plain + "0" : plain;
        }

        var sign = exponent < 0 ? "-" : "+";
        return $"{mantissa}e{sign}{Math.Abs(exponent):00}";
    }

    /// <summary>A support value as scikit-learn prints it: integers for counts, Python floats for weighted sums.</summary>
    public static string Support(double value, bool isCount) =>
        isCount ? ((long)value).ToString(CultureInfo.InvariantCulture) : Repr(value);
}
