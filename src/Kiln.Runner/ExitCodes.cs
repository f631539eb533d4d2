namespace Kiln.Runner;

/// <summary>The documented exit codes of <c>kiln run</c>.</summary>
/// <remarks>With several notebooks the most severe outcome wins, in the order 4, 3, 2, 1, 0 (130 for cancellation first).</remarks>
public static class ExitCodes
{
    /// <summary>Every notebook passed.</summary>
    public const int Success = 0;

    /// <summary>A cell failed.</summary>
    public const int CellFailed = 1;

    /// <summary>Bad usage, or a notebook or parameter file that cannot be read.</summary>
    public const int InvalidInput = 2;

    /// <summary>A cell or notebook timed out and was stopped.</summary>
    public const int Timeout = 3;

    /// <summary>A worker process crashed.</summary>
    public const int WorkerCrashed = 4;

    /// <summary>The run was cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Maps a notebook outcome to its exit code.</summary>
    public static int For(NotebookStatus status) => status switch
    {
        NotebookStatus.Passed => Success,
        NotebookStatus.Failed => CellFailed,
        NotebookStatus.Invalid => InvalidInput,
        NotebookStatus.TimedOut => Timeout,
        NotebookStatus.Crashed => WorkerCrashed,
        _ => Cancelled,
    };

    /// <summary>Combines the outcomes of several notebooks into one exit code, the most severe first.</summary>
    public static int Combine(IEnumerable<int> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        int[] severity = [Cancelled, WorkerCrashed, Timeout, InvalidInput, CellFailed];
        var all = codes.ToHashSet();
        return severity.FirstOrDefault(all.Contains, Success);
    }
}
