using System.Globalization;

namespace Kiln.Data;

/// <summary>The ISO 8601 layouts Kiln reads and writes for dates, independent of culture.</summary>
internal static class DateTimeFormats
{
    private static readonly string[] Layouts =
    [
        "yyyy-MM-dd",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-dd HH:mm",
    ];

    /// <summary>Formats a date as <c>yyyy-MM-dd</c>, or with the time of day when it has one.</summary>
    public static string Format(DateTime value) => value.TimeOfDay == TimeSpan.Zero
        ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Parses one of the ISO 8601 layouts.</summary>
    public static bool TryParse(string text, out DateTime value) =>
        DateTime.TryParseExact(text, Layouts, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>Parses one of the ISO 8601 layouts from a span of characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value) =>
        DateTime.TryParseExact(text, Layouts, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
