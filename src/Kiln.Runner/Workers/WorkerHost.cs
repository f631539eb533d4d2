using System.Text;
using Kiln.Display;
using Kiln.Kernel;
using Kiln.Kernel.Events;
using Kiln.Notebooks;

namespace Kiln.Runner.Workers;

/// <summary>The worker side of the runner protocol: hosts a <see cref="CSharpKernel"/> and executes what the runner sends.</summary>
/// <remarks>Protocol lines go to the process's raw stdout stream, so user code writing to the console (which the kernel
/// captures) cannot corrupt them.</remarks>
public static class WorkerHost
{
    /// <summary>Reads <c>execute</c> messages from <paramref name="input"/> until <c>shutdown</c> or end of input.</summary>
    /// <param name="input">The runner's requests.</param>
    /// <param name="output">Where protocol lines go.</param>
    /// <param name="options">The kernel's configuration (default references and imports).</param>
    /// <param name="ct">Stops reading requests.</param>
    /// <returns>The process exit code (0).</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, KernelOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var writer = new StreamWriter(output, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        var gate = new object();
        void Send(WorkerMessage message)
        {
            var line = WorkerJson.Serialize(message);
            lock (gate)
            {
                writer.WriteLine(line);
            }
        }

        await using var kernel = new CSharpKernel(options);
        await kernel.WarmUpAsync(ct).ConfigureAwait(false);
        Send(new WorkerMessage { Type = "ready" });
        using var reader = new StreamReader(input, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            var request = WorkerJson.Deserialize(line);
            if (request.Type == "shutdown")
            {
                break;
            }

            if (request.Type != "execute")
            {
                continue;
            }

            var id = request.Id;
            var result = await kernel.SubmitAsync(request.Code ?? string.Empty, e => Send(ToMessage(id, e)), ct).ConfigureAwait(false);
            Send(new WorkerMessage
            {
                Type = "done",
                Id = id,
                ExecutionCount = result.ExecutionCount,
                Status = result.Status switch
                {
                    SubmissionStatus.Succeeded => "ok",
                    SubmissionStatus.Cancelled => "cancelled",
                    _ => "error",
                },
            });
        }

        return 0;
    }

    private static WorkerMessage ToMessage(int id, KernelEvent e) => e switch
    {
        StandardOutputProduced o => new() { Type = "stream", Id = id, Name = StreamOutput.StdOut, Text = o.Text },
        StandardErrorProduced o => new() { Type = "stream", Id = id, Name = StreamOutput.StdErr, Text = o.Text },
        DisplayProduced d => Bundle("display", id, d.Bundle, d.DisplayId, null),
        DisplayUpdated d => Bundle("update", id, d.Bundle, d.DisplayId, null),
        ReturnValueProduced r => Bundle("result", id, r.Bundle, null, r.ExecutionCount),
        ErrorProduced error => new()
        {
            Type = "error",
            Id = id,
            EName = error.Name,
            EValue = error.Value,
            Traceback = error.Traceback,
        },
        _ => new() { Type = "unknown", Id = id },
    };

    private static WorkerMessage Bundle(string type, int id, MimeBundle bundle, string? displayId, int? executionCount)
    {
        var output = DisplayDataOutput.FromBundle(bundle);
        return new WorkerMessage
        {
            Type = type,
            Id = id,
            Data = output.Data,
            Metadata = output.Metadata,
            DisplayId = displayId,
            ExecutionCount = executionCount,
        };
    }
}
