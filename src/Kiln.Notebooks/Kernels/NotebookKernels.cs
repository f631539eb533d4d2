using System.Text.Json.Nodes;

namespace Kiln.Notebooks;

/// <summary>Which kernel a notebook and each of its cells belong to, following Polyglot Notebooks' precedence.</summary>
/// <remarks>dotnet/interactive: <c>InteractiveDocument.TryGetKernelInfosFromMetadata</c> and <c>NormalizeElementKernelNames</c>.</remarks>
public static class NotebookKernels
{
    /// <summary>Gets the notebook's default kernel name, <c>csharp</c> when the metadata names none.</summary>
    /// <remarks>
    /// Precedence: <c>metadata.kernelInfo.defaultKernelName</c>; <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>
    /// (or <c>polyglot_notebook.defaultKernelName</c>); legacy <c>metadata.dotnet_interactive.defaultKernelName</c>;
    /// the kernelspec (<c>kiln-csharp</c> and <c>.net-csharp</c> mean C#, otherwise its <c>language</c>); <c>language_info.name</c>.
    /// </remarks>
    public static string GetDefaultKernelName(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var metadata = document.Metadata;
        var polyglot = metadata["polyglot_notebook"] as JsonObject;
        var kernelspec = metadata["kernelspec"] as JsonObject;
        var name = String(metadata["kernelInfo"], "defaultKernelName")
            ?? String(polyglot?["kernelInfo"], "defaultKernelName")
            ?? String(polyglot, "defaultKernelName")
            ?? String(metadata["dotnet_interactive"], "defaultKernelName")
            ?? KernelFromKernelspec(kernelspec)
            ?? LanguageInfoKernel(metadata["language_info"] as JsonObject);
        return name is null ? KernelNames.CSharp : KernelNames.Normalize(name);
    }

    /// <summary>Gets the kernel a cell runs in: <c>markdown</c> and <c>raw</c> for those cells, else the code cell's kernel.</summary>
    /// <remarks>
    /// For code cells: a first line <c>#!name</c> naming a known kernel wins (as Polyglot's inferred target kernel), then
    /// <c>metadata.polyglot_notebook.kernelName</c>, then legacy <c>metadata.dotnet_interactive.language</c>,
    /// then <see cref="GetDefaultKernelName"/>.
    /// </remarks>
    public static string GetCellKernelName(NotebookDocument document, NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(cell);
        if (!cell.IsCode)
        {
            return cell.IsMarkdown ? KernelNames.Markdown : cell.CellType;
        }

        return GetSourceKernelDirective(cell.Source) ?? GetDeclaredKernelName(document, cell);
    }

    /// <summary>Gets a code cell's kernel from its metadata or the notebook default, ignoring any <c>#!</c> line in its source.</summary>
    internal static string GetDeclaredKernelName(NotebookDocument document, NotebookCell cell)
    {
        var name = String(cell.Metadata["polyglot_notebook"], "kernelName")
            ?? String(cell.Metadata["dotnet_interactive"], "language");
        return name is null ? GetDefaultKernelName(document) : KernelNames.Normalize(name);
    }

    /// <summary>Returns whether the cell is a code cell that Kiln's C# kernel should execute.</summary>
    public static bool IsExecutableCSharp(NotebookDocument document, NotebookCell cell) =>
        cell is not null && cell.IsCode && GetCellKernelName(document, cell) == KernelNames.CSharp;

    /// <summary>Records a code cell's kernel in its metadata, under <c>polyglot_notebook.kernelName</c> and legacy <c>dotnet_interactive.language</c>.</summary>
    public static void SetCellKernelName(NotebookCell cell, string kernelName)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentException.ThrowIfNullOrWhiteSpace(kernelName);
        Section(cell.Metadata, "polyglot_notebook")["kernelName"] = kernelName;
        Section(cell.Metadata, "dotnet_interactive")["language"] = kernelName;
    }

    /// <summary>Gets the kernel named by a leading <c>#!name</c> line (after blank lines) when it is a known kernel or alias.</summary>
    /// <returns>The canonical kernel name, or null when the source does not start with a kernel directive.</returns>
    public static string? GetSourceKernelDirective(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var rawLine in source.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith("#!", StringComparison.Ordinal))
            {
                return null;
            }

            var name = line[2..];
            return KernelNames.Known.Any(k => k.Key == name || k.Value.Contains(name)) ? KernelNames.Normalize(name) : null;
        }

        return null;
    }

    private static string? KernelFromKernelspec(JsonObject? kernelspec)
    {
        if (String(kernelspec, "name") is { } specName && KernelNames.FromKernelspecName(specName) is { } kernel)
        {
            return kernel;
        }

        return String(kernelspec, "language");
    }

    private static string? LanguageInfoKernel(JsonObject? languageInfo) =>
        String(languageInfo, "name") is { } name && name != "polyglot-notebook" ? name : null;

    private static JsonObject Section(JsonObject metadata, string key)
    {
        if (metadata[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        metadata[key] = created;
        return created;
    }

    private static string? String(JsonNode? owner, string key) =>
        owner is JsonObject obj && obj[key] is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
}
