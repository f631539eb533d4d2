namespace Kiln.Notebooks;

/// <summary>Thrown when a notebook file is malformed: bad JSON, an unsupported nbformat version, or a missing or wrong-typed field.</summary>
/// <remarks>The message reads <c>file(line,column): what was expected</c>, like compiler diagnostics.</remarks>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception for a problem at a known or unknown position.</summary>
    /// <param name="filePath">The file (or source name) being read.</param>
    /// <param name="line">The 1-based line, when known.</param>
    /// <param name="column">The 1-based column, when known.</param>
    /// <param name="problem">What was wrong or expected, without the position prefix.</param>
    public NotebookFormatException(string filePath, int? line, int? column, string problem)
        : base(Format(filePath, line, column, problem))
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Creates the exception with a plain message and no position.</summary>
    public NotebookFormatException(string message)
        : this("notebook", null, null, message)
    {
    }

    /// <summary>Creates the exception with a plain message, no position, and an inner exception.</summary>
    public NotebookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "notebook";
        Problem = message;
    }

    /// <summary>Creates the exception with no details.</summary>
    public NotebookFormatException()
        : this("the notebook is malformed")
    {
    }

    /// <summary>The file (or source name) being read.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column of the problem, when known.</summary>
    public int? Column { get; }

    /// <summary>What was wrong or expected, without the file and position prefix.</summary>
    public string Problem { get; }

    private static string Format(string filePath, int? line, int? column, string problem) =>
        line is { } l
            ? $"{filePath}({l},{column ?? 1}): {problem}"
            : $"{filePath}: {problem}";
}
