namespace Kiln.Runner;

/// <summary>How one notebook run ended.</summary>
public enum NotebookStatus
{
    /// <summary>Every executed cell succeeded (or failed only where allowed).</summary>
    Passed,

    /// <summary>A cell raised an error that was not allowed.</summary>
    Failed,

    /// <summary>A cell or the whole notebook ran past its timeout and was stopped.</summary>
    TimedOut,

    /// <summary>The worker process died while running a cell.</summary>
    Crashed,

    /// <summary>The notebook could not be read, or its parameters were invalid; nothing ran.</summary>
    Invalid,

    /// <summary>The run was cancelled (Ctrl+C or the caller's token).</summary>
    Cancelled,
}

/// <summary>How one cell run ended.</summary>
public enum CellStatus
{
    /// <summary>The cell was not run (markdown, a non-C# cell, or after an earlier failure).</summary>
    NotRun,

    /// <summary>The cell ran without error.</summary>
    Passed,

    /// <summary>The cell raised an error.</summary>
    Failed,

    /// <summary>The cell was tagged <c>skip-execution</c>.</summary>
    Skipped,

    /// <summary>The cell raised an error, as its <c>raises-exception</c> tag expected.</summary>
    ExpectedError,

    /// <summary>The cell ran past its timeout and was stopped.</summary>
    TimedOut,

    /// <summary>The worker process died while running the cell.</summary>
    Crashed,

    /// <summary>The run was cancelled while the cell ran.</summary>
    Cancelled,
}

/// <summary>An error raised by a cell, as recorded in the executed notebook.</summary>
/// <param name="Name">The error name (exception type, <c>CompilationError</c>, <c>TimeoutError</c>…).</param>
/// <param name="Value">The error message.</param>
/// <param name="Traceback">The trace lines, trimmed to the user's code.</param>
public sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback);

/// <summary>The outcome of one cell.</summary>
/// <param name="Index">The zero-based index of the cell in the executed notebook.</param>
/// <param name="ExecutionCount">The execution count the kernel gave the cell, when it ran.</param>
/// <param name="Status">How the cell ended.</param>
/// <param name="Duration">Wall time spent in the cell.</param>
/// <param name="Source">The cell's source.</param>
/// <param name="Error">The error the cell raised, if any.</param>
public sealed record CellResult(int Index, int? ExecutionCount, CellStatus Status, TimeSpan Duration, string Source, CellError? Error = null);

/// <summary>The outcome of running one notebook.</summary>
/// <param name="InputPath">The notebook that was run.</param>
/// <param name="OutputPath">Where the executed notebook was written, or null when nothing was written.</param>
/// <param name="Status">How the run ended.</param>
/// <param name="Cells">Per-cell outcomes, for every cell of the executed notebook.</param>
/// <param name="Duration">Wall time of the whole run.</param>
/// <param name="Message">A one-line explanation for failed, timed-out, crashed and invalid runs.</param>
public sealed record NotebookRunResult(
    string InputPath,
    string? OutputPath,
    NotebookStatus Status,
    IReadOnlyList<CellResult> Cells,
    TimeSpan Duration,
    string? Message = null)
{
    /// <summary>The process exit code this outcome maps to (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode => ExitCodes.For(Status);

    /// <summary>The cells that failed, timed out or crashed.</summary>
    public IEnumerable<CellResult> FailedCells =>
        Cells.Where(c => c.Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.Crashed or CellStatus.Cancelled);
}
