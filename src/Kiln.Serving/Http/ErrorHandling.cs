using System.Text.Json;
using Kiln.Serving.Protocol;
using Microsoft.AspNetCore.Http;

namespace Kiln.Serving.Http;

/// <summary>The outermost middleware: every failure, framework ones included, becomes a V2 error body <c>{"error": "..."}</c>.</summary>
/// <remarks>
/// Minimal APIs answer malformed JSON, unknown routes and wrong methods with empty bodies; the V2 protocol wants an error
/// object for every non-2xx answer. Also counts requests for <c>/metrics</c> and logs one line per request without payloads.
/// </remarks>
internal static class ErrorHandling
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ServerState state)
    {
        var started = state.Options.TimeProvider.GetTimestamp();
        state.Metrics.RequestStarted();
        try
        {
            if (context.Request.ContentLength > state.Options.MaxRequestBodySize)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            await next(context).ConfigureAwait(false);
            if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null)
            {
                await WriteErrorAsync(context, context.Response.StatusCode, DefaultMessage(context)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, message) = Map(e, state.Options);
            if (status == 500)
            {
                Log.Failure(state.Logger, context.Request.Method, context.Request.Path, e.GetType().Name, e);
            }

            if (status == 413)
            {
                // The unread rest of the body makes the connection unusable: tell the client not to reuse it.
                context.Response.Headers.Connection = "close";
            }

            await (status == 503 ? WriteUnavailableAsync(context, state.Options, message) : WriteErrorAsync(context, status, message)).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        finally
        {
            state.Metrics.RequestFinished(context.Response.StatusCode);
            Log.Request(state.Logger, context.Request.Method, context.Request.Path, context.Response.StatusCode,
                state.Options.TimeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        JsonResponse.WriteAsync(context, status, json => InferenceResponseWriter.WriteError(json, message));

    /// <summary>Answers 503 with a <c>Retry-After</c> header and a V2 error body.</summary>
    public static Task WriteUnavailableAsync(HttpContext context, ServerOptions options, string message)
    {
        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WriteErrorAsync(context, 503, message);
    }

    private static (int Status, string Message) Map(Exception e, ServerOptions options) => e switch
    {
        InferenceException ie => (ie.StatusCode, ie.Message),
        BadHttpRequestException { StatusCode: 413 } =>
            (413, $"The request body exceeds the limit of {options.MaxRequestBodySize} bytes; send fewer rows per request."),
        BadHttpRequestException bad => (bad.StatusCode, $"Bad HTTP request: {bad.Message}"),
        JsonException json => (400, $"The request body is not valid JSON: {FirstSentence(json.Message)}"),
        InvalidOperationException { InnerException: JsonException json } => (400, $"The request body is not valid JSON: {FirstSentence(json.Message)}"),
        _ => (500, "Internal server error; the server log has the details."),
    };

    private static string FirstSentence(string message)
    {
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        var line = message.IndexOf("LineNumber:", StringComparison.Ordinal);
        var text = path > 0 ? message[..path] : message;
        return line > 0 ? $"{text} ({message[line..].Trim()})" : text;
    }

    private static string DefaultMessage(HttpContext context) => context.Response.StatusCode switch
    {
        404 => $"No endpoint at '{InferenceRequestParser.Truncate(context.Request.Path.Value ?? string.Empty)}'; see /openapi.json for the API.",
        405 => $"Method {context.Request.Method} is not allowed on '{InferenceRequestParser.Truncate(context.Request.Path.Value ?? string.Empty)}'.",
        413 => "The request body is too large.",
        415 => "Unsupported content type; send application/json.",
        var s => $"The request failed with HTTP status {s}.",
    };
}
