using System.Text.Json.Nodes;
using Kiln.Notebooks.Json;

namespace Kiln.Notebooks;

/// <summary>Reads and writes Polyglot Notebooks <c>.dib</c> text: cells separated by <c>#!kernel</c> lines, no outputs.</summary>
/// <remarks>
/// dotnet/interactive <c>CodeSubmission</c>: an optional <c>#!meta</c> JSON block (kept as <c>metadata.polyglot_notebook</c>);
/// a line <c>#!name</c> naming a known kernel or alias starts a cell; other <c>#!</c> lines are magics inside the cell;
/// blank lines around each cell are trimmed and empty cells dropped; lines end with <c>\n</c>.
/// </remarks>
public static class DibFormat
{
    private const string Prefix = "#!";

    /// <summary>Parses .dib text into a document with Kiln's C# kernelspec; non-markdown cells become code cells tagged with their kernel.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="sourceName">The file name used in error messages (defaults to <c>notebook.dib</c>).</param>
    /// <exception cref="NotebookFormatException">The <c>#!meta</c> block is not a JSON object.</exception>
    public static NotebookDocument Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        sourceName ??= "notebook.dib";
        var lines = SplitLines(text.StartsWith('\uFEFF') ? text[1..] : text);
        var document = new NotebookDocument();
        NotebookMetadata.ApplyCSharp(document.Metadata);
        var kernels = KernelNames.Known.ToDictionary(k => k.Key, k => k.Value.ToList(), StringComparer.Ordinal);
        var currentKernel = KernelNames.CSharp;
        var cellLines = new List<string>();
        var foundMeta = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!foundMeta && line.StartsWith("#!meta", StringComparison.Ordinal))
            {
                foundMeta = true;
                var first = i + 1;
                while (i + 1 < lines.Length && !lines[i + 1].StartsWith(Prefix, StringComparison.Ordinal))
                {
                    i++;
                }

                var meta = ParseMeta(string.Join('\n', lines[first..(i + 1)]), sourceName, first + 1);
                AddKernelInfoItems(meta, kernels);
                document.Metadata["polyglot_notebook"] = meta;
                continue;
            }

            if (line.StartsWith(Prefix, StringComparison.Ordinal) && Resolve(kernels, line[Prefix.Length..]) is { } kernel)
            {
                AddCell(document, currentKernel, cellLines);
                currentKernel = kernel;
                cellLines.Clear();
            }
            else
            {
                cellLines.Add(line);
            }
        }

        AddCell(document, currentKernel, cellLines);
        if (document.Cells.Count == 0)
        {
            document.Cells.Add(CreateCell(currentKernel, string.Empty));
        }

        return document;
    }

    /// <summary>Serializes a document as .dib text: <c>#!meta</c> from <c>metadata.polyglot_notebook</c>, then each non-empty cell.</summary>
    /// <remarks>
    /// Outputs are not stored (the format has none); raw cells are written as markdown cells. Kernels that are neither
    /// built in nor declared are added to the written <c>kernelInfo.items</c>, so their cells split again on reading.
    /// </remarks>
    public static string Serialize(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lines = new List<string>();
        if (WithUndeclaredKernels(document) is { Count: > 0 } meta)
        {
            var writer = new PythonJsonWriter(indented: false);
            writer.WriteNode(meta);
            lines.AddRange(["#!meta", string.Empty, writer.ToString(), string.Empty]);
        }

        foreach (var cell in document.Cells)
        {
            var content = TrimBlankLines(SplitLines(cell.Source).ToList());
            if (content.Count == 0)
            {
                continue;
            }

            var kernel = cell.IsCode ? NotebookKernels.GetDeclaredKernelName(document, cell) : KernelNames.Markdown;
            lines.Add(Prefix + kernel);
            lines.Add(string.Empty);
            lines.AddRange(content);
            lines.Add(string.Empty);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Returns the <c>#!meta</c> object to write: <c>metadata.polyglot_notebook</c>, plus items for undeclared kernels.</summary>
    private static JsonObject? WithUndeclaredKernels(NotebookDocument document)
    {
        var meta = document.Metadata["polyglot_notebook"] as JsonObject;
        var kernels = KernelNames.Known.ToDictionary(k => k.Key, k => k.Value.ToList(), StringComparer.Ordinal);
        if (meta is not null)
        {
            AddKernelInfoItems(meta, kernels);
        }

        var undeclared = document.Cells.Where(c => c.IsCode)
            .Select(c => NotebookKernels.GetDeclaredKernelName(document, c))
            .Where(k => Resolve(kernels, k) is null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (undeclared.Count == 0)
        {
            return meta;
        }

        var copy = meta?.DeepClone().AsObject() ?? [];
        if (copy["kernelInfo"] is not JsonObject info)
        {
            info = new JsonObject { ["defaultKernelName"] = NotebookKernels.GetDefaultKernelName(document) };
            copy["kernelInfo"] = info;
        }

        if (info["items"] is not JsonArray items)
        {
            items = [];
            info["items"] = items;
        }

        foreach (var kernel in undeclared)
        {
            items.Add(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = kernel });
        }

        return copy;
    }

    private static string[] SplitLines(string text) => text.Split(["\r\n", "\n"], StringSplitOptions.None);

    private static List<string> TrimBlankLines(List<string> lines)
    {
        var start = lines.FindIndex(l => l.Length > 0);
        var end = lines.FindLastIndex(l => l.Length > 0);
        return start < 0 ? [] : lines.GetRange(start, end - start + 1);
    }

    private static void AddCell(NotebookDocument document, string kernel, List<string> lines)
    {
        var content = TrimBlankLines(lines);
        if (content.Count > 0)
        {
            document.Cells.Add(CreateCell(kernel, string.Join('\n', content)));
        }
    }

    private static NotebookCell CreateCell(string kernel, string source)
    {
        if (kernel == KernelNames.Markdown)
        {
            return NotebookCell.Markdown(source);
        }

        var cell = NotebookCell.Code(source);
        NotebookKernels.SetCellKernelName(cell, kernel);
        return cell;
    }

    private static string? Resolve(Dictionary<string, List<string>> kernels, string name)
    {
        foreach (var (kernel, aliases) in kernels)
        {
            if (kernel == name || aliases.Contains(name))
            {
                return kernel;
            }
        }

        return null;
    }

    private static JsonObject ParseMeta(string json, string sourceName, int firstLine)
    {
        var (root, _) = JsonTextParser.Parse(json, sourceName, firstLine);
        return root as JsonObject
            ?? throw new NotebookFormatException(sourceName, firstLine, 1, "expected the #!meta block to be a JSON object");
    }

    /// <summary>Adds the kernels a <c>#!meta</c> block declares (<c>kernelInfo.items[].name</c> and <c>aliases</c>).</summary>
    private static void AddKernelInfoItems(JsonObject meta, Dictionary<string, List<string>> kernels)
    {
        if (meta["kernelInfo"] is not JsonObject { } info || info["items"] is not JsonArray items)
        {
            return;
        }

        foreach (var item in items.OfType<JsonObject>())
        {
            if (item["name"] is not JsonValue nameValue || !nameValue.TryGetValue(out string? name) || name.Length == 0)
            {
                continue;
            }

            if (!kernels.TryGetValue(name, out var aliases))
            {
                aliases = [];
                kernels[name] = aliases;
            }

            if (item["aliases"] is JsonArray aliasArray)
            {
                foreach (var alias in aliasArray.OfType<JsonValue>())
                {
                    if (alias.TryGetValue(out string? text) && text.Length > 0 && !aliases.Contains(text))
                    {
                        aliases.Add(text);
                    }
                }
            }
        }
    }
}
