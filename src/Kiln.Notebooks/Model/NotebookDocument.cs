using System.Text.Json.Nodes;

namespace Kiln.Notebooks;

/// <summary>A notebook in memory: cells, notebook metadata and format version, with unknown keys kept for the next write.</summary>
/// <remarks>
/// Read with <see cref="NotebookFile.Load"/>, <see cref="IpynbFormat.Parse"/> or <see cref="DibFormat.Parse"/>;
/// written as nbformat 4.5 by <see cref="NotebookFile.Save"/> and <see cref="IpynbFormat.Serialize"/>.
/// </remarks>
public sealed class NotebookDocument
{
    /// <summary>The cells, in order.</summary>
    public IList<NotebookCell> Cells { get; } = [];

    /// <summary>The notebook metadata (kernelspec, language_info, polyglot_notebook, papermill, …), in file order.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>The major nbformat version read (always 4).</summary>
    public int NbformatMajor { get; set; } = 4;

    /// <summary>The minor nbformat version read (0–5); the writer always writes 4.5.</summary>
    public int NbformatMinor { get; set; } = 5;

    /// <summary>Top-level keys other than cells, metadata and the version, kept for the next write.</summary>
    public JsonObject ExtraProperties { get; } = [];

    /// <summary>Creates an empty notebook whose metadata names Kiln's C# kernel.</summary>
    public static NotebookDocument CreateCSharp()
    {
        var document = new NotebookDocument();
        NotebookMetadata.ApplyCSharp(document.Metadata);
        return document;
    }

    /// <summary>Gives every cell a valid, unique id, replacing missing, malformed and duplicate ones.</summary>
    /// <returns>The number of cells whose id changed.</returns>
    /// <remarks>nbformat: ids are required from 4.5; <c>validate</c> repairs duplicates the same way.</remarks>
    public int EnsureCellIds()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = 0;
        foreach (var cell in Cells)
        {
            if (CellIds.IsValid(cell.Id) && seen.Add(cell.Id!))
            {
                continue;
            }

            string id;
            do
            {
                id = CellIds.NewId();
            }
            while (!seen.Add(id));
            cell.Id = id;
            changed++;
        }

        return changed;
    }
}
