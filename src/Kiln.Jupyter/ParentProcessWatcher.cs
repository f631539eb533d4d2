using System.Diagnostics;
using System.Globalization;

namespace Kiln.Jupyter;

/// <summary>Stops an orphaned kernel: when the Jupyter process that launched it (<c>JPY_PARENT_PID</c>) is gone, the kernel exits.</summary>
/// <remarks>ipykernel: <c>ParentPollerUnix</c>. On Windows the variable holds a handle, not a process id, so it is not watched there.</remarks>
internal static class ParentProcessWatcher
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Cancels <paramref name="source"/> once the launching process has exited; returns at once when there is none to watch.</summary>
    public static async Task CancelWhenParentExitsAsync(CancellationTokenSource source)
    {
        if (OperatingSystem.IsWindows()
            || !int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            || pid <= 1)
        {
            return;
        }

        try
        {
            while (IsRunning(pid))
            {
                await Task.Delay(Interval, source.Token).ConfigureAwait(false);
            }

            await source.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The kernel stopped for another reason.
        }
        catch (ObjectDisposedException)
        {
            // The kernel finished and disposed its token source.
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
