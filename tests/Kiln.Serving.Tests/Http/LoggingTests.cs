using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Kiln.Serving.Tests.Http;

public class LoggingTests
{
    [Fact]
    public async Task Logs_OneLinePerRequest_WithoutPayloadOrApiKey()
    {
        var sink = new ConcurrentQueue<string>();
        var options = new ServerOptions { ApiKey = "very-secret-key-123", ConfigureLogging = b => b.AddProvider(new CapturingProvider(sink)) };
        await using var s = await Served.StartAsync(options);
        var body = V2.InferBody([.. Enumerable.Repeat(12345.678f, 30)], 1);

        var ok = await V2.SendAsync(s.Http, HttpMethod.Post, "v2/models/cancer/infer", body, h => h.Add("X-Api-Key", "very-secret-key-123"));
        var rejected = await V2.SendAsync(s.Http, HttpMethod.Post, "v2/models/cancer/infer", body, h => h.Add("X-Api-Key", "wrong-secret-key-456"));

        ok.Status.ShouldBe(HttpStatusCode.OK);
        rejected.Status.ShouldBe(HttpStatusCode.Unauthorized);
        var lines = sink.ToList();
        lines.ShouldContain(l => l.Contains("POST /v2/models/cancer/infer answered 200", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("invalid API key", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.StartsWith("Request starting", StringComparison.Ordinal), "Kiln logs its own line per request; ASP.NET Core's are off");
        lines.ShouldAllBe(l => !l.Contains("secret", StringComparison.Ordinal) && !l.Contains("12345", StringComparison.Ordinal));
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(sink);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Enqueue(formatter(state, exception));
        }
    }
}
