using Kiln.Kernel.Execution;

namespace Kiln.Kernel.Scripting;

/// <summary>Information about the executing cell, for code that wants to cooperate with the kernel.</summary>
/// <remarks>Polyglot Notebooks: <c>KernelInvocationContext.Current</c>.</remarks>
public static class KernelContext
{
    /// <summary>A token that fires when the executing cell is cancelled (interrupt, timeout); long loops should check it.</summary>
    /// <remarks><see cref="CancellationToken.None"/> outside a cell.</remarks>
    public static CancellationToken CancellationToken => SubmissionContext.Current?.CancellationToken ?? CancellationToken.None;

    /// <summary>The execution count of the executing cell, or 0 outside a cell.</summary>
    public static int ExecutionCount => SubmissionContext.Current?.ExecutionCount ?? 0;

    /// <summary>Whether code is running inside a kernel cell.</summary>
    public static bool IsInCell => SubmissionContext.Current is not null;
}
