using System.Text.Json.Nodes;

namespace Kiln.Notebooks;

/// <summary>One notebook cell: code, markdown, raw, or a cell type this version does not know (kept as is).</summary>
/// <remarks>nbformat: a v4 cell. <see cref="Outputs"/> and <see cref="ExecutionCount"/> are written for code cells only.</remarks>
public sealed class NotebookCell
{
    /// <summary>Creates a cell of <paramref name="cellType"/> with a new random id.</summary>
    public NotebookCell(string cellType, string source = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cellType);
        ArgumentNullException.ThrowIfNull(source);
        CellType = cellType;
        Source = source;
        Id = CellIds.NewId();
    }

    /// <summary>The cell id (nbformat 4.5: 1–64 characters of <c>[a-zA-Z0-9-_]</c>); null until assigned.</summary>
    public string? Id { get; set; }

    /// <summary>The <c>cell_type</c>, usually one of <see cref="CellTypes"/>.</summary>
    public string CellType { get; set; }

    /// <summary>Whether this is a code cell.</summary>
    public bool IsCode => CellType == CellTypes.Code;

    /// <summary>Whether this is a markdown cell.</summary>
    public bool IsMarkdown => CellType == CellTypes.Markdown;

    /// <summary>Whether this is a raw cell.</summary>
    public bool IsRaw => CellType == CellTypes.Raw;

    /// <summary>The cell's source text as one string (lines joined).</summary>
    public string Source { get; set; }

    /// <summary>The cell metadata, in file order (tags, execution timing, kernel names, anything else).</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>The outputs of a code cell, in order.</summary>
    public IList<NotebookOutput> Outputs { get; } = [];

    /// <summary>The execution count of a code cell, or null when it has not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>The cell's <c>attachments</c> (file name to MIME bundle), or null when it has none.</summary>
    public JsonObject? Attachments { get; set; }

    /// <summary>Top-level cell keys this version does not model, kept for the next write.</summary>
    public JsonObject ExtraProperties { get; } = [];

    /// <summary>Creates a code cell.</summary>
    public static NotebookCell Code(string source) => new(CellTypes.Code, source);

    /// <summary>Creates a markdown cell.</summary>
    public static NotebookCell Markdown(string source) => new(CellTypes.Markdown, source);

    /// <summary>Creates a raw cell.</summary>
    public static NotebookCell Raw(string source) => new(CellTypes.Raw, source);

    /// <summary>Removes all outputs and clears the execution count, as before a fresh run.</summary>
    /// <remarks>papermill: <c>notebook_start</c> sets <c>outputs=[]</c> and <c>execution_count=None</c>.</remarks>
    public void ClearOutputs()
    {
        Outputs.Clear();
        ExecutionCount = null;
    }
}
