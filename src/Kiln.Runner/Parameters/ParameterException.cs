namespace Kiln.Runner.Parameters;

/// <summary>A parameter given to <c>kiln run</c> that the notebook does not declare or that cannot convert to the declared type.</summary>
public sealed class ParameterException : Exception
{
    /// <summary>Creates the exception with a message that names the parameter and the fix.</summary>
    public ParameterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ParameterException()
        : base("Invalid notebook parameter.")
    {
    }
}
