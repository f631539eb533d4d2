namespace Kiln.Tensors;

/// <summary>Thrown when an operation receives a tensor of the wrong element type.</summary>
public sealed class DTypeMismatchException : ArgumentException
{
    /// <summary>Creates the exception with a full message.</summary>
    public DTypeMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DTypeMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public DTypeMismatchException()
    {
    }

    internal static void ThrowIfNot(string operation, Tensor tensor, DType expected, string role)
    {
        if (tensor.DType != expected)
        {
            throw new DTypeMismatchException($"{operation}: {role} has dtype {tensor.DType} but {expected} is required; convert it with .ToType(DType.{expected}).");
        }
    }
}
