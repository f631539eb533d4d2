using System.Diagnostics;
using System.Text.Json.Nodes;
using Kiln.Notebooks;

namespace Kiln.Runner.Tests;

/// <summary>Builds small notebooks on disk for runner tests, and checks written notebooks with Python's nbformat.</summary>
internal sealed class TestNotebooks : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("kiln-runner-").FullName;

    public string Output => Path.Combine(Root, "out");

    public RunOptions Options => new() { BaseDirectory = Root, OutputDirectory = Output };

    public string Write(string name, params NotebookCell[] cells)
    {
        var document = NotebookDocument.CreateCSharp();
        foreach (var cell in cells)
        {
            document.Cells.Add(cell);
        }

        document.EnsureCellIds();
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        NotebookFile.Save(document, path);
        return path;
    }

    public static NotebookCell Code(string source, params string[] tags)
    {
        var cell = NotebookCell.Code(source);
        if (tags.Length > 0)
        {
            cell.Metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }

        return cell;
    }

    public static NotebookCell Markdown(string source) => NotebookCell.Markdown(source);

    /// <summary>Validates <paramref name="path"/> with Debian's python3-nbformat; returns the validator's complaint, or null.</summary>
    public static string? NbformatValidationError(string path)
    {
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList = { "-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')", path },
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && stdout.Trim() == "valid"
            ? null
            : $"nbformat.validate failed (run scripts/setup-deps.sh if python3-nbformat is missing): {stderr}";
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
