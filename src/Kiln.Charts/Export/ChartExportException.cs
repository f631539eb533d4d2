namespace Kiln.Charts;

/// <summary>Thrown when a chart could not be exported as an image.</summary>
public class ChartExportException : Exception
{
    /// <summary>Creates the exception with a message that names the problem and the fix.</summary>
    public ChartExportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ChartExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
