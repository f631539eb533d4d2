using System.Text;
using Kiln.Display;
using Kiln.Kernel.Events;

namespace Kiln.Kernel.Execution;

/// <summary>The ambient state of one executing submission: its event sink, output buffers and cancellation token.</summary>
/// <remarks>
/// Held in an <see cref="AsyncLocal{T}"/>, so it flows into tasks and threads the cell starts. All events go through
/// one lock, so the host's callback is never called concurrently. After <see cref="Complete"/> events are dropped.
/// </remarks>
internal sealed class SubmissionContext
{
    private static readonly AsyncLocal<SubmissionContext?> CurrentContext = new();

    private readonly Action<KernelEvent> _onEvent;
    private readonly Lock _gate = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private bool _completed;

    public SubmissionContext(Action<KernelEvent> onEvent, int executionCount, CancellationToken cancellationToken)
    {
        _onEvent = onEvent;
        ExecutionCount = executionCount;
        CancellationToken = cancellationToken;
        DisplayChannel = new KernelDisplayChannel(this);
    }

    /// <summary>The submission executing on this logical call context, or null outside cells.</summary>
    public static SubmissionContext? Current
    {
        get => CurrentContext.Value;
        set => CurrentContext.Value = value;
    }

    public int ExecutionCount { get; }

    public CancellationToken CancellationToken { get; }

    public KernelDisplayChannel DisplayChannel { get; }

    /// <summary>Appends console text; complete lines are published at once, a partial line waits for more.</summary>
    public void Write(bool isError, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            var buffer = isError ? _stderr : _stdout;
            buffer.Append(text);
            if (text.Contains('\n', StringComparison.Ordinal))
            {
                FlushStream(isError, upToLastNewLine: true);
            }
        }
    }

    /// <summary>Publishes an event after any buffered console text, so outputs keep their order.</summary>
    public void Publish(KernelEvent kernelEvent)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            FlushStream(isError: false, upToLastNewLine: false);
            FlushStream(isError: true, upToLastNewLine: false);
            Deliver(kernelEvent);
        }
    }

    /// <summary>Publishes buffered text and stops accepting events from code the cell left running.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            FlushStream(isError: false, upToLastNewLine: false);
            FlushStream(isError: true, upToLastNewLine: false);
            _completed = true;
        }
    }

    /// <summary>Calls the host's callback outside the cell's ambient context, so console writes or displays made by the
    /// host itself go to the host's console instead of looping back into this submission.</summary>
    private void Deliver(KernelEvent kernelEvent)
    {
        var context = CurrentContext.Value;
        var channel = DisplaySession.Current;
        CurrentContext.Value = null;
        DisplaySession.Current = null;
        try
        {
            _onEvent(kernelEvent);
        }
        finally
        {
            CurrentContext.Value = context;
            DisplaySession.Current = channel;
        }
    }

    private void FlushStream(bool isError, bool upToLastNewLine)
    {
        var buffer = isError ? _stderr : _stdout;
        if (buffer.Length == 0)
        {
            return;
        }

        var length = buffer.Length;
        if (upToLastNewLine)
        {
            while (length > 0 && buffer[length - 1] != '\n')
            {
                length--;
            }
        }

        if (length == 0)
        {
            return;
        }

        var text = buffer.ToString(0, length);
        buffer.Remove(0, length);
        Deliver(isError
            ? new StandardErrorProduced(text) { ExecutionCount = ExecutionCount }
            : new StandardOutputProduced(text) { ExecutionCount = ExecutionCount });
    }
}
