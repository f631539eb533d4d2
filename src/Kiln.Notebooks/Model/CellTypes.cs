namespace Kiln.Notebooks;

/// <summary>The <c>cell_type</c> values nbformat 4 defines.</summary>
public static class CellTypes
{
    /// <summary>A code cell, which has outputs and an execution count.</summary>
    public const string Code = "code";

    /// <summary>A markdown cell.</summary>
    public const string Markdown = "markdown";

    /// <summary>A raw cell, passed through untouched by front ends.</summary>
    public const string Raw = "raw";
}
