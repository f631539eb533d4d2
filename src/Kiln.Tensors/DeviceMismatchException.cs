namespace Kiln.Tensors;

/// <summary>Thrown when an operation combines tensors that live on different devices.</summary>
public sealed class DeviceMismatchException : ArgumentException
{
    /// <summary>Creates the exception with a full message.</summary>
    public DeviceMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DeviceMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public DeviceMismatchException()
    {
    }

    internal static void ThrowIfDifferent(string operation, Tensor left, Tensor right)
    {
        if (!left.Device.Equals(right.Device))
        {
            throw new DeviceMismatchException($"{operation}: tensors are on {left.Device} and {right.Device}; move one with .To(device) first.");
        }
    }
}
