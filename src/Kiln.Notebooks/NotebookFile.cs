using System.Text;

namespace Kiln.Notebooks;

/// <summary>The notebook file formats Kiln reads and writes.</summary>
public enum NotebookFileFormat
{
    /// <summary>Jupyter <c>.ipynb</c> (nbformat 4).</summary>
    Ipynb,

    /// <summary>Polyglot Notebooks <c>.dib</c>.</summary>
    Dib,
}

/// <summary>Loads and saves notebook files, choosing the format by extension; saves are atomic.</summary>
public static class NotebookFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Gets the format for a path from its extension (<c>.ipynb</c> or <c>.dib</c>, any case).</summary>
    /// <exception cref="ArgumentException">The extension is neither.</exception>
    public static NotebookFileFormat GetFormat(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => NotebookFileFormat.Ipynb,
            ".dib" => NotebookFileFormat.Dib,
            var other => throw new ArgumentException(
                $"Cannot tell the notebook format of '{path}' from its extension '{other}': use a .ipynb or .dib file.", nameof(path)),
        };
    }

    /// <summary>Loads a .ipynb or .dib file.</summary>
    /// <exception cref="NotebookFormatException">The file is malformed; the message names the file and position.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static NotebookDocument Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), GetFormat(path), path);

    /// <summary>Loads a .ipynb or .dib file asynchronously.</summary>
    /// <exception cref="NotebookFormatException">The file is malformed; the message names the file and position.</exception>
    public static async Task<NotebookDocument> LoadAsync(string path, CancellationToken ct = default)
    {
        var format = GetFormat(path);
        var text = await File.ReadAllTextAsync(path, Encoding.UTF8, ct).ConfigureAwait(false);
        return Parse(text, format, path);
    }

    /// <summary>Parses notebook text in the given format.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="format">The format of the text.</param>
    /// <param name="sourceName">The file name used in error messages.</param>
    public static NotebookDocument Parse(string text, NotebookFileFormat format, string? sourceName = null) => format switch
    {
        NotebookFileFormat.Dib => DibFormat.Parse(text, sourceName),
        _ => IpynbFormat.Parse(text, sourceName),
    };

    /// <summary>Serializes a document in the given format.</summary>
    public static string Serialize(NotebookDocument document, NotebookFileFormat format) => format switch
    {
        NotebookFileFormat.Dib => DibFormat.Serialize(document),
        _ => IpynbFormat.Serialize(document),
    };

    /// <summary>Saves a document atomically: as .dib when the path ends in <c>.dib</c>, otherwise as nbformat 4.5 .ipynb.</summary>
    /// <remarks>
    /// Writes UTF-8 without BOM to a temporary file beside the target, flushes it to disk, then renames it over the
    /// target, so a crash leaves either the old file or the new one, never half of one.
    /// </remarks>
    public static void Save(NotebookDocument document, string path)
    {
        var (text, target) = Prepare(document, path);
        WriteTextAtomically(text, target);
    }

    /// <summary>Writes already serialized notebook text to <paramref name="path"/> atomically, as <see cref="Save"/> does.</summary>
    public static void WriteTextAtomically(string text, string path)
    {
        var target = Path.GetFullPath(path);
        var tmp = TempPathFor(target);
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8NoBom.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(tmp, target, overwrite: true);
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    /// <summary>Saves a document atomically and asynchronously; see <see cref="Save"/>.</summary>
    public static async Task SaveAsync(NotebookDocument document, string path, CancellationToken ct = default)
    {
        var (text, target) = Prepare(document, path);
        var tmp = TempPathFor(target);
        try
        {
            var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Utf8NoBom.GetBytes(text), ct).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tmp, target, overwrite: true);
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    private static (string Text, string Target) Prepare(NotebookDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var format = Path.GetExtension(path).Equals(".dib", StringComparison.OrdinalIgnoreCase) ? NotebookFileFormat.Dib : NotebookFileFormat.Ipynb;
        return (Serialize(document, format), Path.GetFullPath(path));
    }

    private static string TempPathFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
}
