using Kiln.Notebooks.Ipynb;

namespace Kiln.Notebooks;

/// <summary>Reads and writes Jupyter <c>.ipynb</c> text: reads nbformat 4.0–4.5, writes 4.5 exactly as Python nbformat does.</summary>
public static class IpynbFormat
{
    /// <summary>Parses .ipynb text into a document; cells that lack a valid unique id get a new one.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="sourceName">The file name used in error messages (defaults to <c>notebook.ipynb</c>).</param>
    /// <exception cref="NotebookFormatException">The text is not valid JSON or not an nbformat 4.0–4.5 notebook.</exception>
    /// <remarks>nbformat: <c>nbformat.reads(text, NO_CONVERT)</c> with <c>rejoin_lines</c>; lenient about layout.</remarks>
    public static NotebookDocument Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IpynbReader.Read(text, sourceName ?? "notebook.ipynb");
    }

    /// <summary>Serializes a document as nbformat 4.5 text, ending with a newline.</summary>
    /// <remarks>
    /// nbformat: <c>nbformat.writes(nb) + "\n"</c>, byte for byte: sorted keys, one-space indent, multiline strings
    /// split into lines, and nbformat's transient keys (<c>metadata.orig_nbformat</c>, <c>orig_nbformat_minor</c>,
    /// <c>signature</c>, cell <c>metadata.trusted</c>) left out. Numbers read from a file keep their original text.
    /// Cells without a valid unique id are given one (the document is updated, so later saves keep the same ids).
    /// </remarks>
    public static string Serialize(NotebookDocument document) => IpynbWriter.Write(document);
}
