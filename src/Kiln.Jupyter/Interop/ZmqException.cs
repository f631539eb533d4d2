namespace Kiln.Jupyter.Interop;

/// <summary>A libzmq call failed.</summary>
internal sealed class ZmqException : Exception
{
    /// <summary>Creates the exception for <paramref name="function"/> failing with <paramref name="errorNumber"/>.</summary>
    public ZmqException(string function, int errorNumber)
        : base($"{function} failed: {ZmqNative.Describe(errorNumber)} (errno {errorNumber}).")
    {
        ErrorNumber = errorNumber;
    }

    /// <summary>The libzmq error number.</summary>
    public int ErrorNumber { get; }
}
