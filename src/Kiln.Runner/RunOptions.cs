using System.Text.Json.Nodes;
using Kiln.Runner.Workers;

namespace Kiln.Runner;

/// <summary>Options for running notebooks headlessly.</summary>
/// <remarks>nbclient and papermill users will recognise the names: <c>timeout</c>, <c>allow_errors</c>, <c>-p</c>, <c>--cwd</c>.</remarks>
public sealed record RunOptions
{
    /// <summary>Where executed notebooks go, keeping paths relative to <see cref="BaseDirectory"/>. Default <c>artifacts/executed</c>.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("artifacts", "executed");

    /// <summary>Overwrite each input notebook with its executed version (a <c>.dib</c> still gets a separate <c>.ipynb</c>).</summary>
    public bool InPlace { get; init; }

    /// <summary>The folder output paths are made relative to. Default: the current directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Parameter values by name: strings from <c>-p name=value</c>, any JSON from <c>-f params.json</c>.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>The time limit for a whole notebook; null for none.</summary>
    public TimeSpan? NotebookTimeout { get; init; }

    /// <summary>The time limit for each cell; null for none. A cell can set its own with <c>metadata.execution.timeout</c> or a <c>timeout=N</c> tag.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Keep running after a cell fails, and record the failure (the run still passes).</summary>
    public bool AllowErrors { get; init; }

    /// <summary>The working directory of the kernel; null means the notebook's own folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How to start a worker process; null means <see cref="WorkerCommand.Default"/>.</summary>
    public WorkerCommand? Worker { get; init; }

    /// <summary>How long a worker may take to start before the run is reported as crashed. Default 60 s.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock for timestamps and timeouts.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
