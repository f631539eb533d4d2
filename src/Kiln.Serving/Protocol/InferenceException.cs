namespace Kiln.Serving.Protocol;

/// <summary>A request failure with the HTTP status it maps to; the server answers it with a V2 error body <c>{"error": message}</c>.</summary>
/// <param name="statusCode">The HTTP status code, e.g. 400 or 404.</param>
/// <param name="message">The message for the client, naming the problem and the fix; never echoes request data.</param>
public sealed class InferenceException(int statusCode, string message) : Exception(message)
{
    /// <summary>The HTTP status code of the failure.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Whether the response carries a <c>Retry-After</c> header (overload, not ready, draining).</summary>
    public bool RetryLater => StatusCode == 503;

    internal static InferenceException BadRequest(string message) => new(400, message);

    internal static InferenceException NotFound(string message) => new(404, message);

    internal static InferenceException Unavailable(string message) => new(503, message);
}
