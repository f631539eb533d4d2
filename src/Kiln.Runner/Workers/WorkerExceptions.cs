namespace Kiln.Runner.Workers;

/// <summary>A cell ran past its time limit; the worker process was killed.</summary>
public sealed class WorkerTimeoutException : Exception
{
    /// <summary>Creates the exception for a cell stopped after <paramref name="limit"/>.</summary>
    public WorkerTimeoutException(TimeSpan limit)
        : base($"Cell timed out after {limit.TotalSeconds:0.#} s and was stopped (the worker process was killed).") => Limit = limit;

    /// <summary>Creates the exception with a default message.</summary>
    public WorkerTimeoutException()
        : base("Cell timed out and was stopped.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WorkerTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public WorkerTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The limit that was exceeded.</summary>
    public TimeSpan Limit { get; }
}

/// <summary>The worker process exited while a cell was running.</summary>
public sealed class WorkerCrashedException : Exception
{
    /// <summary>Creates the exception for a worker that exited with <paramref name="exitCode"/>.</summary>
    public WorkerCrashedException(int? exitCode, string standardErrorTail)
        : base($"The worker process exited unexpectedly{(exitCode is { } c ? $" with code {c}" : "")} while the cell was running." +
               (string.IsNullOrWhiteSpace(standardErrorTail) ? "" : $" Its last error output:\n{standardErrorTail}"))
    {
        ExitCode = exitCode;
        StandardErrorTail = standardErrorTail;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public WorkerCrashedException()
        : base("The worker process exited unexpectedly.") => StandardErrorTail = string.Empty;

    /// <summary>Creates the exception with a message.</summary>
    public WorkerCrashedException(string message)
        : base(message) => StandardErrorTail = string.Empty;

    /// <summary>Creates the exception with a message and a cause.</summary>
    public WorkerCrashedException(string message, Exception innerException)
        : base(message, innerException) => StandardErrorTail = string.Empty;

    /// <summary>The worker's exit code, when known.</summary>
    public int? ExitCode { get; }

    /// <summary>The last lines the worker wrote to standard error.</summary>
    public string StandardErrorTail { get; }
}
