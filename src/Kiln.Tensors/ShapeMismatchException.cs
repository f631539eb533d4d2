namespace Kiln.Tensors;

/// <summary>Thrown when tensor shapes are incompatible for an operation; the message names the operation and the shapes.</summary>
public sealed class ShapeMismatchException : ArgumentException
{
    /// <summary>Creates the exception with a full message.</summary>
    public ShapeMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ShapeMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation on two shapes, with the reason they do not fit.</summary>
    public ShapeMismatchException(string operation, Shape left, Shape right, string reason)
        : base($"{operation}: shapes {left} and {right} {reason}")
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public ShapeMismatchException()
    {
    }
}
