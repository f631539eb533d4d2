using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>One data column of a trace (x, y, z or labels): numbers, category strings or dates.</summary>
/// <remarks>
/// Missing numbers (NaN, infinities, null) are written as JSON <c>null</c>, which plotly.js draws as a gap.
/// Dates are written as plotly date strings (<c>yyyy-MM-dd HH:mm:ss.ffffff</c>, time left out at midnight).
/// </remarks>
public sealed class DataArray
{
    private readonly double?[]? _numbers;
    private readonly string?[]? _texts;

    private DataArray(DataKind kind, double?[]? numbers, string?[]? texts)
    {
        Kind = kind;
        _numbers = numbers;
        _texts = texts;
    }

    /// <summary>Whether the values are numbers, categories or dates.</summary>
    public DataKind Kind { get; }

    /// <summary>The number of values.</summary>
    public int Count => _numbers?.Length ?? _texts!.Length;

    /// <summary>The values as numbers (null for missing), or null when the array holds categories or dates.</summary>
    public IReadOnlyList<double?>? Numbers => _numbers;

    /// <summary>The values as plotly strings, or null when the array holds numbers.</summary>
    public IReadOnlyList<string?>? Texts => _texts;

    /// <summary>Creates a numeric array from any numeric element type.</summary>
    public static DataArray FromNumbers<T>(IEnumerable<T> values)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        return new DataArray(DataKind.Number, values.Select(v => Finite(double.CreateChecked(v))).ToArray(), null);
    }

    /// <summary>Creates the array 0, 1, …, <paramref name="count"/> − 1 (the default x of a series given only y).</summary>
    public static DataArray Range(int count, int start = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new DataArray(DataKind.Number, Enumerable.Range(start, count).Select(i => (double?)i).ToArray(), null);
    }

    /// <summary>Creates an array of category labels.</summary>
    public static DataArray FromCategories(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new DataArray(DataKind.Category, null, values.ToArray());
    }

    /// <summary>Creates an array from numbers, strings (categories), <see cref="DateTime"/>, <see cref="DateTimeOffset"/> or <see cref="DateOnly"/> values.</summary>
    /// <exception cref="ArgumentException">The element type is none of the supported ones.</exception>
    public static DataArray From<T>(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        // Dispatch on the static element type: the CLR lets int[] pass as IEnumerable<uint> (and sbyte[] as byte), so
        // pattern matching on the runtime object could reinterpret signed values.
        var type = typeof(T);
        return type switch
        {
            _ when type == typeof(double) => FromNumbers((IEnumerable<double>)values),
            _ when type == typeof(float) => FromNumbers((IEnumerable<float>)values),
            _ when type == typeof(int) => FromNumbers((IEnumerable<int>)values),
            _ when type == typeof(long) => FromNumbers((IEnumerable<long>)values),
            _ when type == typeof(short) => FromNumbers((IEnumerable<short>)values),
            _ when type == typeof(sbyte) => FromNumbers((IEnumerable<sbyte>)values),
            _ when type == typeof(byte) => FromNumbers((IEnumerable<byte>)values),
            _ when type == typeof(ushort) => FromNumbers((IEnumerable<ushort>)values),
            _ when type == typeof(uint) => FromNumbers((IEnumerable<uint>)values),
            _ when type == typeof(ulong) => FromNumbers((IEnumerable<ulong>)values),
            _ when type == typeof(decimal) => FromNumbers((IEnumerable<decimal>)values),
            _ when type == typeof(Half) => FromNumbers((IEnumerable<Half>)values),
            _ when type == typeof(double?) => new DataArray(DataKind.Number, ((IEnumerable<double?>)values).Select(x => x is { } d ? Finite(d) : null).ToArray(), null),
            _ when type == typeof(string) => new DataArray(DataKind.Category, null, ((IEnumerable<string?>)values).ToArray()),
            _ when type == typeof(DateTime) => new DataArray(DataKind.Date, null, ((IEnumerable<DateTime>)values).Select(FormatDate).ToArray()),
            _ when type == typeof(DateTimeOffset) => new DataArray(DataKind.Date, null, ((IEnumerable<DateTimeOffset>)values).Select(d => FormatDate(d.DateTime)).ToArray()),
            _ when type == typeof(DateOnly) => new DataArray(DataKind.Date, null, ((IEnumerable<DateOnly>)values).Select(d => FormatDate(d.ToDateTime(TimeOnly.MinValue))).ToArray()),
            _ => throw new ArgumentException(
                $"Chart data of element type {type.Name} is not supported; pass numbers, strings (categories), DateTime, DateTimeOffset or DateOnly values.",
                nameof(values)),
        };
    }

    /// <summary>Returns the JSON array plotly.js reads.</summary>
    public JsonArray ToJson()
    {
        var array = new JsonArray();
        if (_numbers is not null)
        {
            foreach (var n in _numbers)
            {
                array.Add(n is { } d ? JsonValue.Create(d) : null);
            }
        }
        else
        {
            foreach (var t in _texts!)
            {
                array.Add(t is null ? null : JsonValue.Create(t));
            }
        }

        return array;
    }

    /// <summary>Formats a date the way plotly.js parses it.</summary>
    internal static string FormatDate(DateTime value) => value.TimeOfDay == TimeSpan.Zero
        ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
