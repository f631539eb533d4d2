using System.Runtime.ExceptionServices;
using Kiln.Notebooks;
using Kiln.Runner.Workers;

namespace Kiln.Runner.Execution;

/// <summary>One cell's run: execute in the worker, map the outcome, record metadata, save.</summary>
internal sealed partial class NotebookExecution
{
    private async Task<CellResult> RunCellAsync(
        int index, NotebookCell cell, int ordinal, TimeSpan? limit, bool notebookLimited, string workingDirectory, CancellationToken ct)
    {
        observer?.CellStarted(inputPath, index, ordinal);
        var worker = await AcquireWorkerAsync(workingDirectory, ct).ConfigureAwait(false);
        var started = _metadata.StartCell(cell);
        CellError? error = null;
        int? executionCount = null;
        CellStatus status;
        var replied = false;
        try
        {
            if (worker.Failure is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            var done = await worker.Process!.ExecuteAsync(
                cell.Source,
                message =>
                {
                    error = _collector.Apply(cell, message) ?? error;
                    if (message.Type == "stream")
                    {
                        observer?.CellOutput(inputPath, index, message.Name ?? StreamOutput.StdOut, message.Text ?? string.Empty);
                    }
                },
                limit,
                ct).ConfigureAwait(false);
            replied = true;
            executionCount = done.ExecutionCount;
            cell.ExecutionCount = executionCount;
            status = done.Status switch
            {
                "ok" => CellStatus.Passed,
                "cancelled" => CellStatus.Cancelled,
                _ => CellStatus.Failed,
            };
            (status, error) = ApplyRaisesException(cell, status, error);
        }
        catch (WorkerTimeoutException ex)
        {
            var what = notebookLimited ? "notebook timeout" : "cell timeout";
            (status, error) = Stop(cell, CellStatus.TimedOut, "TimeoutError",
                $"Cell {index} exceeded the {what} of {ex.Limit.TotalSeconds:0.###} s and was stopped.");
        }
        catch (WorkerCrashedException ex)
        {
            (status, error) = Stop(cell, CellStatus.Crashed, "WorkerCrashed", ex.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            (status, error) = Stop(cell, CellStatus.Cancelled, "Cancelled", $"The run was cancelled while cell {index} was running.");
        }

        var failed = status is not (CellStatus.Passed or CellStatus.ExpectedError);
        var duration = _metadata.FinishCell(cell, started, failed, replied);
        saver.Save();
        var result = new CellResult(index, executionCount, status, duration, cell.Source, error);
        observer?.CellFinished(inputPath, result);
        return result;
    }

    /// <summary>Records a stop the runner itself detected (timeout, crash, cancel); the worker is gone.</summary>
    private (CellStatus, CellError) Stop(NotebookCell cell, CellStatus status, string name, string message)
    {
        var error = new CellError(name, message, []);
        OutputCollector.AddError(cell, error);
        _worker = null;
        return (status, error);
    }

    /// <summary>nbclient's <c>raises-exception</c>: an error is expected; no error is a failure.</summary>
    private static (CellStatus, CellError?) ApplyRaisesException(NotebookCell cell, CellStatus status, CellError? error)
    {
        if (!CellPolicy.HasTag(cell, CellPolicy.RaisesExceptionTag))
        {
            return (status, error);
        }

        if (status == CellStatus.Failed)
        {
            return (CellStatus.ExpectedError, error);
        }

        var missing = new CellError("ExpectedError", "The cell is tagged 'raises-exception' but completed without an error.", []);
        OutputCollector.AddError(cell, missing);
        return (CellStatus.Failed, missing);
    }

    /// <summary>Waits for the worker started with the notebook; a start failure is returned to be reported on the cell.</summary>
    private async Task<(WorkerProcess? Process, Exception? Failure)> AcquireWorkerAsync(string workingDirectory, CancellationToken ct)
    {
        try
        {
            _worker ??= await (_workerStart ??= StartWorkerAsync(workingDirectory, ct)).ConfigureAwait(false);
            return (_worker, null);
        }
        catch (Exception ex) when (ex is WorkerCrashedException or OperationCanceledException)
        {
            return (null, ex);
        }
    }

    private async Task DisposeWorkerAsync()
    {
        if (_workerStart is null)
        {
            return;
        }

        try
        {
            await (await _workerStart.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WorkerCrashedException or OperationCanceledException)
        {
            // It never started; nothing to stop.
        }
    }

    private async Task<WorkerProcess> StartWorkerAsync(string workingDirectory, CancellationToken ct)
    {
        using var startup = new CancellationTokenSource(options.StartupTimeout, options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(startup.Token, ct);
        try
        {
            return await WorkerProcess.StartAsync(options.Worker ?? WorkerCommand.Default(), workingDirectory, options.Time, linked.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (startup.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new WorkerCrashedException($"The worker did not start within {options.StartupTimeout.TotalSeconds:0} s.");
        }
    }

    private void Record(CellResult result) => _results.Add(result);
}
