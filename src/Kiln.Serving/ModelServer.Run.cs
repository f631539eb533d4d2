using System.Runtime.InteropServices;

namespace Kiln.Serving;

/// <summary>Command-line facet: serve until Ctrl+C or SIGTERM, then drain (what <c>kiln serve</c> runs).</summary>
public sealed partial class ModelServer
{
    /// <summary>Starts a server, prints its address, waits for Ctrl+C, SIGTERM or <paramref name="ct"/>, then stops gracefully.</summary>
    /// <param name="modelPath">One model directory or a repository folder.</param>
    /// <param name="options">Server settings (host, port, key, limits).</param>
    /// <param name="output">Where the address and shutdown lines go (e.g. <see cref="Console.Out"/>).</param>
    /// <param name="ct">Stops the server when cancelled.</param>
    /// <returns>0 after a clean shutdown.</returns>
    public static async Task<int> RunAsync(string modelPath, ServerOptions options, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        using var stop = new StopSignal(ct, PosixSignal.SIGINT, PosixSignal.SIGTERM);
        var server = await StartAsync(modelPath, options, stop.Token).ConfigureAwait(false);
        await output.WriteLineAsync($"kiln serve: {string.Join(", ", server.Repository.LoadedModels)} at {server.Url} (Ctrl+C to stop)").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            await output.WriteLineAsync("kiln serve: draining in-flight requests...").ConfigureAwait(false);
        }

        await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync("kiln serve: stopped").ConfigureAwait(false);
        return 0;
    }
}
