namespace Kiln.Serving.Client;

/// <summary>The failure the server answered, with its HTTP status and the message of its V2 error body.</summary>
/// <param name="statusCode">The HTTP status code.</param>
/// <param name="message">The server's error message.</param>
public sealed class ModelServerException(int statusCode, string message) : Exception($"HTTP {statusCode}: {message}")
{
    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The message of the V2 error body.</summary>
    public string ServerMessage { get; } = message;
}
