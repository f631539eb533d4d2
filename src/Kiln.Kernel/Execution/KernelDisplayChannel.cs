using System.Globalization;
using Kiln.Display;
using Kiln.Kernel.Events;
using Kiln.Kernel.Formatting;

namespace Kiln.Kernel.Execution;

/// <summary>The display channel of one submission: formats values and raises display events.</summary>
/// <remarks>
/// Updates go to the submission executing at the time of the update when there is one, so a handle kept from an
/// earlier cell can still replace its output (as Jupyter allows).
/// </remarks>
internal sealed class KernelDisplayChannel(SubmissionContext context) : IDisplayChannel
{
    private static long s_nextId;

    /// <inheritdoc/>
    public DisplayHandle Show(object? value)
    {
        var id = NewDisplayId();
        context.Publish(new DisplayProduced(Formatter.Format(value), id) { ExecutionCount = context.ExecutionCount });
        return new DisplayHandle(this, id);
    }

    /// <inheritdoc/>
    public void Update(string displayId, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayId);
        var target = SubmissionContext.Current ?? context;
        target.Publish(new DisplayUpdated(Formatter.Format(value), displayId) { ExecutionCount = target.ExecutionCount });
    }

    /// <summary>Publishes an already formatted bundle as a new display output.</summary>
    public void ShowBundle(MimeBundle bundle) =>
        context.Publish(new DisplayProduced(bundle, NewDisplayId()) { ExecutionCount = context.ExecutionCount });

    private static string NewDisplayId() =>
        "kiln-" + Interlocked.Increment(ref s_nextId).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
}
