using Kiln.Display;

namespace Kiln.Notebooks;

/// <summary>The value of a cell's last expression (Jupyter <c>Out[n]</c>).</summary>
public sealed class ExecuteResultOutput : MimeOutput
{
    /// <inheritdoc/>
    public override string OutputType => OutputTypes.ExecuteResult;

    /// <summary>The execution count of the submission that produced the result, or null.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Creates an execute_result output from a MIME bundle.</summary>
    public static ExecuteResultOutput FromBundle(MimeBundle bundle, int? executionCount)
    {
        var output = new ExecuteResultOutput { ExecutionCount = executionCount };
        output.CopyFrom(bundle);
        return output;
    }
}
