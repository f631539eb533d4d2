using System.CommandLine;
using Kiln.Serving;
using Microsoft.Extensions.Logging;

namespace Kiln.Cli.Commands;

/// <summary>The <c>kiln serve</c> verb: serve a model directory over HTTP (Open Inference Protocol V2).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var model = new Argument<DirectoryInfo>("model-dir") { Description = "A model directory (with manifest.json), or a folder of models <name>/<version>/." };
        var port = new Option<int>("--port") { Description = "The port to listen on (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "The address to bind; 127.0.0.1 unless you mean to expose the server.", DefaultValueFactory = _ => "127.0.0.1" };
        var apiKey = new Option<string?>("--api-key") { Description = "Require this key (Authorization: Bearer or X-Api-Key). Default: $KILN_API_KEY, else none." };
        var maxBatchSize = new Option<int?>("--max-batch-size") { Description = "Most rows the batcher combines into one inference (default 64)." };
        var maxQueueSize = new Option<int?>("--max-queue-size") { Description = "Most requests waiting for a batch; beyond it requests get 503 + Retry-After (default 1024)." };
        var maxQueueDelay = new Option<double?>("--max-queue-delay-ms") { Description = "How long a request may wait for others to fill a batch, in milliseconds (default 0)." };
        var blasThreads = new Option<int>("--blas-threads")
        {
            Description = "Threads per matrix product (OpenBLAS). Default 1: batches run one at a time, the other cores serve HTTP.",
            DefaultValueFactory = _ => 1,
        };
        var logRequests = new Option<bool>("--log-requests") { Description = "Log every request (method, path, status, duration; never payloads). Off by default: it costs throughput." };
        var command = new Command("serve", "Serve a model over HTTP: V2 inference protocol, /predict with preprocessing, /metrics. Ctrl+C drains and stops.")
        {
            model, port, host, apiKey, maxBatchSize, maxQueueSize, maxQueueDelay, blasThreads, logRequests,
        };
        command.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetValue(model)!;
            if (!directory.Exists)
            {
                await Console.Error.WriteLineAsync($"kiln serve: no such model directory: {directory.FullName}").ConfigureAwait(false);
                return 2;
            }

            if (parse.GetValue(blasThreads) is var threads && threads < 1)
            {
                await Console.Error.WriteLineAsync($"kiln serve: --blas-threads must be at least 1, got {threads}.").ConfigureAwait(false);
                return 2;
            }

            Kiln.Tensors.CpuBlas.ThreadCount = threads;
            var defaults = new ServerOptions();
            var level = parse.GetValue(logRequests) ? LogLevel.Information : LogLevel.Warning;
            var options = new ServerOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                ApiKey = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("KILN_API_KEY"),
                MaxBatchSize = parse.GetValue(maxBatchSize) ?? defaults.MaxBatchSize,
                MaxQueueSize = parse.GetValue(maxQueueSize) ?? defaults.MaxQueueSize,
                MaxQueueDelay = parse.GetValue(maxQueueDelay) is { } delay ? TimeSpan.FromMilliseconds(delay) : defaults.MaxQueueDelay,
                ConfigureLogging = logging => logging.AddSimpleConsole().SetMinimumLevel(level),
            };
            return await ModelServer.RunAsync(directory.FullName, options, Console.Out, ct).ConfigureAwait(false);
        });
        return command;
    }
}
