namespace Kiln.Charts;

/// <summary>What the values of a <see cref="DataArray"/> are.</summary>
public enum DataKind
{
    /// <summary>Numbers, drawn on a linear or log axis.</summary>
    Number,

    /// <summary>Strings, drawn as categories.</summary>
    Category,

    /// <summary>Dates and times, drawn on a date axis.</summary>
    Date,
}
