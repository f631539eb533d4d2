namespace Kiln.Kernel;

/// <summary>How a submission ended.</summary>
public enum SubmissionStatus
{
    /// <summary>The cell ran to completion.</summary>
    Succeeded,

    /// <summary>The cell did not compile, threw, or used a magic wrongly; an error event was raised.</summary>
    Failed,

    /// <summary>The cell was cancelled through the submission's token; an error event was raised.</summary>
    Cancelled,
}

/// <summary>The outcome of one <see cref="CSharpKernel.SubmitAsync"/> call.</summary>
/// <param name="Status">How the submission ended.</param>
/// <param name="ExecutionCount">The 1-based number of the submission in this kernel (Jupyter's <c>execution_count</c>).</param>
/// <param name="Duration">The wall time from the start of the submission to its end.</param>
public sealed record SubmissionResult(SubmissionStatus Status, int ExecutionCount, TimeSpan Duration);

/// <summary>A variable defined by earlier cells, as listed by <c>#!who</c> and <c>#!whos</c>.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">The variable's declared type.</param>
/// <param name="Value">The variable's current value.</param>
public sealed record KernelVariable(string Name, Type Type, object? Value);
