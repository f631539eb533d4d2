using System.Text.Json.Nodes;

namespace Kiln.Workflow.Tests;

/// <summary>Runs every workflow notebook under notebooks/ once, in order, through the real runner; shared by the tests.</summary>
public sealed class WorkflowRun : IAsyncLifetime
{
    public static string NotebooksDirectory => RepositoryPaths.Combine("notebooks");

    public string Artifacts { get; } = Directory.CreateTempSubdirectory("kiln-workflow-").FullName;

    public IReadOnlyDictionary<string, NotebookRunResult> Results { get; private set; } = new Dictionary<string, NotebookRunResult>();

    public static IEnumerable<string> NotebookNames() =>
        Directory.EnumerateFiles(NotebooksDirectory, "*.ipynb")
            .Select(path => Path.GetFileName(path))
            .Where(name => name.Length > 3 && char.IsAsciiDigit(name[0]) && char.IsAsciiDigit(name[1]) && name[2] == '-')
            .Order(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        var options = new RunOptions
        {
            BaseDirectory = RepositoryPaths.Root,
            OutputDirectory = Path.Combine(Artifacts, "executed"),
            CellTimeout = TimeSpan.FromMinutes(10),
            Parameters = new Dictionary<string, JsonNode?> { ["artifacts"] = Artifacts },
        };
        var paths = NotebookNames().Select(n => Path.Combine(NotebooksDirectory, n)).ToList();
        var results = await BatchRunner.RunAsync(paths, options, jobs: 1);
        Results = results.ToDictionary(r => Path.GetFileName(r.InputPath), StringComparer.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Artifacts, recursive: true);
        return ValueTask.CompletedTask;
    }
}
