using System.Collections.Concurrent;

namespace Kiln.Kernel.Execution;

/// <summary>A long-lived thread that runs hard-stoppable cells one at a time, aborting a cell's code when its token fires.</summary>
/// <remarks>
/// Starting a thread per cell cost more than running a trivial cell, so the kernel keeps this one until a cell is
/// stopped: on .NET 10 a second abort of a thread that was aborted once did not stop its loop, so the thread then
/// retires (<see cref="IsRetired"/>) and the kernel starts another. Each cell runs under the execution context captured when it was queued (its ambient
/// submission, culture and async locals), and the thread's own context is restored after it, so nothing a cell sets
/// on the thread leaks into the next cell.
/// </remarks>
internal sealed class AbortableCellThread : IDisposable
{
    private readonly BlockingCollection<Action> _queue = [];
    private volatile bool _retired;

    public AbortableCellThread()
    {
        var thread = new Thread(Serve)
        {
            IsBackground = true,
            Name = "Kiln cell",
        };
        thread.Start();
    }

    /// <summary>Whether a cell was stopped on this thread, which then takes no more cells.</summary>
    public bool IsRetired => _retired;

    /// <summary>Runs <paramref name="prepare"/>, then <paramref name="body"/> under <c>ControlledExecution</c>, on the thread.</summary>
    /// <param name="prepare">Work that must never be aborted (compiling the cell); it can only stop cooperatively.</param>
    /// <param name="body">The cell's own code; when <paramref name="ct"/> fires the thread is aborted out of it.</param>
    /// <param name="ct">Cancels the cell.</param>
    /// <returns>The body's result; cancelled when <paramref name="ct"/> stopped it, faulted with what prepare or body threw.</returns>
    /// <exception cref="InvalidOperationException">The thread is retired.</exception>
    public Task<T> RunAsync<T>(Action prepare, Func<T> body, CancellationToken ct)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = ExecutionContext.Capture();
        void Execute() => RunCell(prepare, body, completion, ct);
        _queue.Add(context is null ? Execute : () => ExecutionContext.Run(context, static state => ((Action)state!)(), (Action)Execute), CancellationToken.None);
        return completion.Task;
    }

    /// <summary>Lets the thread end once it has no cell to run; a cell still running keeps it until it returns.</summary>
    public void Dispose() => _queue.CompleteAdding();

    private void RunCell<T>(Action prepare, Func<T> body, TaskCompletionSource<T> completion, CancellationToken ct)
    {
        try
        {
            prepare();
        }
        catch (Exception e)
        {
            Complete(completion, e, ct);
            return;
        }

        try
        {
            // SYSLIB0046: ControlledExecution is obsolete because aborting a thread can leave shared state
            // inconsistent. The kernel accepts that risk to stop a runaway cell without killing the process;
            // it keeps the last good script state and reports the cell as cancelled.
#pragma warning disable SYSLIB0046
            System.Runtime.ControlledExecution.Run(() => completion.TrySetResult(body()), ct);
#pragma warning restore SYSLIB0046
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Retire before completing, so that the kernel's next cell already finds this thread retired.
            _retired = true;
            _queue.CompleteAdding();
            completion.TrySetCanceled(ct);
        }
        catch (Exception e)
        {
            completion.TrySetException(e);
        }
    }

    private static void Complete<T>(TaskCompletionSource<T> completion, Exception e, CancellationToken ct)
    {
        if (e is OperationCanceledException && ct.IsCancellationRequested)
        {
            completion.TrySetCanceled(ct);
        }
        else
        {
            completion.TrySetException(e);
        }
    }

    private void Serve()
    {
        foreach (var cell in _queue.GetConsumingEnumerable())
        {
            cell();
        }
    }
}
