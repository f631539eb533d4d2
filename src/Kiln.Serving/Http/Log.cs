using Microsoft.Extensions.Logging;

namespace Kiln.Serving.Http;

/// <summary>The server's structured log events; none carries request payloads, headers or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} answered {Status} in {ElapsedMs:F2} ms")]
    public static partial void Request(ILogger logger, string method, string path, int status, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Method} {Path} failed with {ExceptionType}")]
    public static partial void Failure(ILogger logger, string method, string path, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Serving {Models} at {Url}")]
    public static partial void Started(ILogger logger, string models, string url);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Draining: readiness off, waiting up to {DrainSeconds} s for in-flight requests")]
    public static partial void Draining(ILogger logger, double drainSeconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string method, string path, string reason);
}
