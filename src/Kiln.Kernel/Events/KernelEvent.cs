using Kiln.Display;

namespace Kiln.Kernel.Events;

/// <summary>Something a submission produced: output text, a displayed value, a result or an error.</summary>
/// <remarks>
/// Events are delivered to the callback given to <see cref="CSharpKernel.SubmitAsync"/> one at a time, in order,
/// possibly from threads the cell started. Jupyter: the iopub messages of an <c>execute_request</c>.
/// </remarks>
public abstract record KernelEvent
{
    /// <summary>The execution count of the submission that produced the event.</summary>
    public required int ExecutionCount { get; init; }
}

/// <summary>Text the cell wrote to <see cref="Console.Out"/>.</summary>
/// <param name="Text">The text, possibly several lines; consecutive writes are joined up to a line end.</param>
/// <remarks>Jupyter: a <c>stream</c> message named <c>stdout</c>.</remarks>
public sealed record StandardOutputProduced(string Text) : KernelEvent;

/// <summary>Text the cell wrote to <see cref="Console.Error"/>.</summary>
/// <param name="Text">The text, possibly several lines; consecutive writes are joined up to a line end.</param>
/// <remarks>Jupyter: a <c>stream</c> message named <c>stderr</c>.</remarks>
public sealed record StandardErrorProduced(string Text) : KernelEvent;

/// <summary>A value the cell displayed with <c>display(x)</c>, <c>x.Display()</c> or <see cref="DisplaySession.Show"/>.</summary>
/// <param name="Bundle">The formatted value; it always holds <c>text/plain</c>.</param>
/// <param name="DisplayId">The identifier later updates of this output refer to.</param>
/// <remarks>Jupyter: <c>display_data</c> with <c>transient.display_id</c>.</remarks>
public sealed record DisplayProduced(MimeBundle Bundle, string DisplayId) : KernelEvent;

/// <summary>A replacement for an output displayed earlier, raised by <see cref="DisplayHandle.Update"/>.</summary>
/// <param name="Bundle">The new formatted value; it always holds <c>text/plain</c>.</param>
/// <param name="DisplayId">The identifier of the output to replace.</param>
/// <remarks>Jupyter: <c>update_display_data</c>.</remarks>
public sealed record DisplayUpdated(MimeBundle Bundle, string DisplayId) : KernelEvent;

/// <summary>The value of the cell's trailing expression (an expression statement without a semicolon).</summary>
/// <param name="Bundle">The formatted value; it always holds <c>text/plain</c>.</param>
/// <remarks>Jupyter: <c>execute_result</c>.</remarks>
public sealed record ReturnValueProduced(MimeBundle Bundle) : KernelEvent;

/// <summary>The cell failed: it did not compile, threw, named an unknown magic, or was cancelled.</summary>
/// <param name="Name">The error name: <c>CompilationError</c>, the exception type name, or a magic error name.</param>
/// <param name="Value">The error message.</param>
/// <param name="Traceback">Readable lines: a headline, then diagnostics or user stack frames (no Roslyn frames).</param>
/// <param name="Diagnostics">The compiler diagnostics with cell-relative positions; empty for runtime errors.</param>
/// <remarks>Jupyter: an <c>error</c> message with <c>ename</c>, <c>evalue</c> and <c>traceback</c>.</remarks>
public sealed record ErrorProduced(
    string Name,
    string Value,
    IReadOnlyList<string> Traceback,
    IReadOnlyList<CellDiagnostic> Diagnostics) : KernelEvent;

/// <summary>How serious a compiler diagnostic is.</summary>
public enum CellDiagnosticSeverity
{
    /// <summary>Informational only.</summary>
    Info,

    /// <summary>A warning; the cell still runs.</summary>
    Warning,

    /// <summary>An error; the cell does not run.</summary>
    Error,
}

/// <summary>A compiler diagnostic located in the cell's own text (1-based lines and columns, magic lines counted).</summary>
/// <param name="Id">The compiler's identifier, such as <c>CS0103</c>.</param>
/// <param name="Severity">How serious the diagnostic is.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="Line">The 1-based line of the start of the span, counted in the cell as submitted.</param>
/// <param name="Column">The 1-based column of the start of the span.</param>
/// <param name="EndLine">The 1-based line of the end of the span.</param>
/// <param name="EndColumn">The 1-based column of the end of the span.</param>
public sealed record CellDiagnostic(
    string Id,
    CellDiagnosticSeverity Severity,
    string Message,
    int Line,
    int Column,
    int EndLine,
    int EndColumn)
{
    /// <summary>Returns the diagnostic as the compiler prints it, for example <c>(1,1): error CS0103: …</c>.</summary>
    public override string ToString() =>
        $"({Line},{Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
