using System.Text.Json.Nodes;
using Kiln.Display;
using Kiln.Jupyter.Protocol;
using Kiln.Jupyter.Transport;
using Kiln.Kernel;
using Kiln.Kernel.Events;

namespace Kiln.Jupyter;

public sealed partial class JupyterKernelHost
{
    /// <summary>Runs an <c>execute_request</c>: publishes its input and outputs on IOPub and replies on shell.</summary>
    /// <remarks>
    /// When a visible cell fails and <c>stop_on_error</c> is on (the default), the requests already queued are taken
    /// before the reply goes out, so that their executions are aborted as ipykernel does, and requests sent after
    /// the client saw the error are not.
    /// </remarks>
    /// <returns>The requests that were queued when the cell failed, to abort or serve; empty otherwise.</returns>
    private async Task<IReadOnlyList<JupyterMessage>> ExecuteAsync(JupyterMessage request)
    {
        var code = request.GetString("code");
        var silent = request.GetBool("silent", false);
        var storeHistory = request.GetBool("store_history", !silent);
        var count = silent || !storeHistory ? _executionCount : ++_executionCount;
        if (!silent)
        {
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        }

        ErrorProduced? error = null;
        using var cts = new CancellationTokenSource();
        lock (_runningGate)
        {
            _running = cts;
        }

        SubmissionResult result;
        using (_stdin.Begin(request, request.GetBool("allow_stdin", false), cts.Token))
        {
            try
            {
                result = await _kernel.SubmitAsync(code, e =>
                {
                    if (e is ErrorProduced produced)
                    {
                        error = produced;
                    }

                    if (!silent)
                    {
                        PublishEvent(e, count, request);
                    }
                }, cts.Token).ConfigureAwait(false);
            }
            finally
            {
                lock (_runningGate)
                {
                    _running = null;
                }
            }
        }

        if (result.Status == SubmissionStatus.Succeeded)
        {
            _language.Record(code);
            Reply(KernelChannel.Shell, request, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = count,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            });
            return [];
        }

        if (error is { Diagnostics.Count: 0 } && result.Status == SubmissionStatus.Failed)
        {
            // A runtime error keeps the declarations that ran, so later completions should see them.
            _language.Record(code);
        }

        var queued = new List<JupyterMessage>();
        if (!silent && request.GetBool("stop_on_error", true))
        {
            while (_transport.Shell.TryRead(out var next))
            {
                queued.Add(next);
            }
        }

        Reply(KernelChannel.Shell, request, "execute_reply", new JsonObject
        {
            ["status"] = "error",
            ["execution_count"] = count,
            ["ename"] = error?.Name ?? result.Status.ToString(),
            ["evalue"] = error?.Value ?? string.Empty,
            ["traceback"] = ToArray(error?.Traceback ?? []),
        });
        return queued;
    }

    private void PublishEvent(KernelEvent kernelEvent, int count, JupyterMessage request)
    {
        switch (kernelEvent)
        {
            case StandardOutputProduced output:
                Publish("stream", new JsonObject { ["name"] = "stdout", ["text"] = output.Text }, request);
                break;
            case StandardErrorProduced output:
                Publish("stream", new JsonObject { ["name"] = "stderr", ["text"] = output.Text }, request);
                break;
            case DisplayProduced display:
                Publish("display_data", DisplayContent(display.Bundle, display.DisplayId), request);
                break;
            case DisplayUpdated update:
                Publish("update_display_data", DisplayContent(update.Bundle, update.DisplayId), request);
                break;
            case ReturnValueProduced value:
                Publish("execute_result", new JsonObject
                {
                    ["execution_count"] = count,
                    ["data"] = ToData(value.Bundle),
                    ["metadata"] = value.Bundle.Metadata.DeepClone(),
                }, request);
                break;
            case ErrorProduced error:
                Publish("error", new JsonObject
                {
                    ["ename"] = error.Name,
                    ["evalue"] = error.Value,
                    ["traceback"] = ToArray(error.Traceback),
                }, request);
                break;
        }
    }

    private static JsonObject DisplayContent(MimeBundle bundle, string displayId) => new()
    {
        ["data"] = ToData(bundle),
        ["metadata"] = bundle.Metadata.DeepClone(),
        ["transient"] = new JsonObject { ["display_id"] = displayId },
    };

    private static JsonObject ToData(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mimeType, value) in bundle)
        {
            data[mimeType] = value switch
            {
                JsonNode json => json.DeepClone(),
                _ => JsonValue.Create(value.ToString()),
            };
        }

        return data;
    }

    private static JsonArray ToArray(IEnumerable<string> lines) => [.. lines.Select(l => (JsonNode?)JsonValue.Create(l))];
}
