using Kiln.Notebooks;
using Kiln.Runner.Workers;

namespace Kiln.Runner.Execution;

/// <summary>Runs the cells of one prepared notebook in a worker, saving the notebook after every cell.</summary>
internal sealed partial class NotebookExecution(
    NotebookDocument document,
    string inputPath,
    NotebookSaver saver,
    RunOptions options,
    IRunObserver? observer)
{
    private readonly OutputCollector _collector = new();
    private readonly ExecutionMetadata _metadata = new(options.Time);
    private readonly List<CellResult> _results = [];
    private Task<WorkerProcess>? _workerStart;
    private WorkerProcess? _worker;

    public ExecutionMetadata Metadata => _metadata;

    public async Task<(NotebookStatus Status, string? Message, IReadOnlyList<CellResult> Cells)> RunAsync(string workingDirectory, CancellationToken ct)
    {
        var status = NotebookStatus.Passed;
        string? message = null;
        var notebookStart = options.Time.GetTimestamp();
        var notebookTimeout = options.NotebookTimeout;
        var defaultCellTimeout = CellPolicy.Min(options.CellTimeout, CellPolicy.Timeout(document.Metadata, []));
        var ordinal = 0;

        // Start the worker at once, while nothing waits for it, so its start-up is not billed to the first cell.
        if (document.Cells.Any(c => RunnableCells.IsExecutable(document, c) && !CellPolicy.HasTag(c, CellPolicy.SkipExecutionTag)))
        {
            _workerStart = StartWorkerAsync(workingDirectory, ct);
        }

        try
        {
            for (var index = 0; index < document.Cells.Count; index++)
            {
                var cell = document.Cells[index];
                if (!RunnableCells.IsExecutable(document, cell))
                {
                    Record(new CellResult(index, null, CellStatus.NotRun, TimeSpan.Zero, cell.Source));
                    continue;
                }

                if (status != NotebookStatus.Passed)
                {
                    Record(new CellResult(index, null, CellStatus.NotRun, TimeSpan.Zero, cell.Source));
                    continue;
                }

                if (CellPolicy.HasTag(cell, CellPolicy.SkipExecutionTag))
                {
                    ExecutionMetadata.MarkSkipped(cell);
                    Record(new CellResult(index, null, CellStatus.Skipped, TimeSpan.Zero, cell.Source));
                    continue;
                }

                var remaining = notebookTimeout - options.Time.GetElapsedTime(notebookStart);
                var cellLimit = CellPolicy.Timeout(cell.Metadata, CellPolicy.Tags(cell)) ?? defaultCellTimeout;
                var limit = CellPolicy.Min(cellLimit, remaining is { } r ? (r > TimeSpan.Zero ? r : TimeSpan.FromMilliseconds(1)) : null);
                var notebookLimited = remaining is not null && limit == remaining;
                var result = await RunCellAsync(index, cell, ++ordinal, limit, notebookLimited, workingDirectory, ct).ConfigureAwait(false);
                Record(result);
                (status, message) = Outcome(result, cell);
            }
        }
        finally
        {
            await DisposeWorkerAsync().ConfigureAwait(false);
        }

        return (status, message, _results);
    }

    private (NotebookStatus, string?) Outcome(CellResult result, NotebookCell cell) => result.Status switch
    {
        CellStatus.Failed when !options.AllowErrors || CellPolicy.HasTag(cell, CellPolicy.RaisesExceptionTag)
            => (NotebookStatus.Failed, Describe(result)),
        CellStatus.TimedOut => (NotebookStatus.TimedOut, Describe(result)),
        CellStatus.Crashed => (NotebookStatus.Crashed, Describe(result)),
        CellStatus.Cancelled => (NotebookStatus.Cancelled, Describe(result)),
        _ => (NotebookStatus.Passed, null),
    };

    private static string Describe(CellResult result) =>
        $"cell {result.Index}: {result.Error?.Name}: {result.Error?.Value}";
}
