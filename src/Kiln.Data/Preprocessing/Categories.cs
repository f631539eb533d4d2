namespace Kiln.Data.Preprocessing;

/// <summary>What an encoder does with a category it did not see when fitting.</summary>
/// <remarks>scikit-learn: <c>handle_unknown</c>.</remarks>
public enum UnknownCategory
{
    /// <summary>Throw an exception naming the column and value (scikit-learn <c>"error"</c>).</summary>
    Error,

    /// <summary>Encode as all zeros (<see cref="OneHotEncoder"/> only; scikit-learn <c>"ignore"</c>).</summary>
    Ignore,

    /// <summary>Encode as the encoder's unknown value (<see cref="OrdinalEncoder"/> only; scikit-learn <c>"use_encoded_value"</c>).</summary>
    UseEncodedValue,
}

/// <summary>Learning and looking up the sorted distinct values of a column, as scikit-learn's encoders do.</summary>
internal static class Categories
{
    /// <summary>Returns the distinct non-null values, sorted by the column's order (numbers numerically, text ordinally), as invariant text.</summary>
    public static string[] Learn(DataColumn column, bool allowNulls)
    {
        if (!allowNulls && column.NullCount > 0)
        {
            throw new ArgumentException(
                $"Column '{column.Name}' has {column.NullCount} nulls; fill them first (SimpleImputer or Frame.FillNulls).", nameof(column));
        }

        var seen = new Dictionary<object, int>();
        for (var i = 0; i < column.Length; i++)
        {
            if (!column.IsNull(i))
            {
                seen.TryAdd(column.GetKey(i), i);
            }
        }

        var rows = seen.Values.ToArray();
        Array.Sort(rows, column.CompareRows);
        return rows.Select(column.FormatValue).ToArray();
    }

    /// <summary>Returns a lookup from category text to its position.</summary>
    public static Dictionary<string, int> Index(string[] categories)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Length; i++)
        {
            index[categories[i]] = i;
        }

        return index;
    }

    /// <summary>The exception for a value not seen when fitting.</summary>
    public static ArgumentException Unknown(string column, string value, string[] categories) => new(
        $"Column '{column}' has the value '{value}', which was not seen when fitting (known: {string.Join(", ", categories.Take(20))}); " +
        "refit, or set HandleUnknown to ignore unknown values.");
}
