namespace Kiln.Notebooks;

/// <summary>An exception raised by a cell: name, message and traceback lines.</summary>
public sealed class ErrorOutput : NotebookOutput
{
    /// <summary>Creates an error output.</summary>
    /// <param name="ename">The exception type name (for example <c>DivideByZeroException</c>).</param>
    /// <param name="evalue">The exception message.</param>
    /// <param name="traceback">Traceback lines; front ends show them joined with newlines (ANSI escapes allowed).</param>
    public ErrorOutput(string ename, string evalue, IEnumerable<string> traceback)
    {
        ArgumentNullException.ThrowIfNull(ename);
        ArgumentNullException.ThrowIfNull(evalue);
        ArgumentNullException.ThrowIfNull(traceback);
        EName = ename;
        EValue = evalue;
        Traceback = [.. traceback];
    }

    /// <inheritdoc/>
    public override string OutputType => OutputTypes.Error;

    /// <summary>The exception type name (<c>ename</c>).</summary>
    public string EName { get; set; }

    /// <summary>The exception message (<c>evalue</c>).</summary>
    public string EValue { get; set; }

    /// <summary>The traceback lines.</summary>
    public IList<string> Traceback { get; }
}
