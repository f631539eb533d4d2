using System.Reflection;
using System.Text.Json.Nodes;
using Kiln.Jupyter.Language;
using Kiln.Jupyter.Protocol;
using Kiln.Jupyter.Transport;

namespace Kiln.Jupyter;

public sealed partial class JupyterKernelHost
{
    /// <summary>Serves one request; returns the queued requests to abort after a failed execution, else none.</summary>
    private async Task<IReadOnlyList<JupyterMessage>> DispatchAsync(JupyterMessage request, KernelChannel channel, CancellationToken ct)
    {
        switch (request.MessageType)
        {
            case "execute_request" when channel == KernelChannel.Shell:
                return await ExecuteAsync(request).ConfigureAwait(false);
            case "kernel_info_request":
                Reply(channel, request, "kernel_info_reply", KernelInfo());
                break;
            case "complete_request":
                Reply(channel, request, "complete_reply", await CompleteAsync(request, ct).ConfigureAwait(false));
                break;
            case "inspect_request":
                Reply(channel, request, "inspect_reply", await InspectAsync(request, ct).ConfigureAwait(false));
                break;
            case "is_complete_request":
                Reply(channel, request, "is_complete_reply", CompletenessChecker.Check(request.GetString("code")));
                break;
            case "history_request":
                Reply(channel, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "comm_info_request":
                Reply(channel, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "interrupt_request":
                CancelRunningCell();
                Reply(channel, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                CancelRunningCell();
                Reply(channel, request, "shutdown_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["restart"] = request.GetBool("restart", false),
                });
                Volatile.Write(ref _shutdownRequested, true);
                break;
            default:
                _log.WriteLine($"kiln jupyter: ignored unsupported message type '{request.MessageType}' on the {channel.ToString().ToLowerInvariant()} channel.");
                break;
        }

        return [];
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = MessageFactory.ProtocolVersion,
        ["implementation"] = "kiln",
        ["implementation_version"] = typeof(JupyterKernelHost).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = "Kiln C# kernel (Roslyn scripting) " +
            (typeof(JupyterKernelHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? string.Empty),
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    private async Task<JsonObject> CompleteAsync(JupyterMessage request, CancellationToken ct)
    {
        var code = request.GetString("code");
        var cursor = CodePoints.ToUtf16Index(code, request.GetInt("cursor_pos", code.Length));
        var answer = await _language.CompleteAsync(code, cursor, ct).ConfigureAwait(false);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. answer.Items.Select(i => (JsonNode?)JsonValue.Create(i.Text))]),
            ["cursor_start"] = CodePoints.FromUtf16Index(code, answer.Start),
            ["cursor_end"] = CodePoints.FromUtf16Index(code, answer.End),
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray([.. answer.Items.Select(i => (JsonNode?)new JsonObject
                {
                    ["text"] = i.Text,
                    ["type"] = i.Kind,
                    ["start"] = CodePoints.FromUtf16Index(code, answer.Start),
                    ["end"] = CodePoints.FromUtf16Index(code, answer.End),
                })]),
            },
        };
    }

    private async Task<JsonObject> InspectAsync(JupyterMessage request, CancellationToken ct)
    {
        var code = request.GetString("code");
        var cursor = CodePoints.ToUtf16Index(code, request.GetInt("cursor_pos", code.Length));
        var info = await _language.InspectAsync(code, cursor, ct).ConfigureAwait(false);
        var data = new JsonObject();
        if (info is not null)
        {
            data["text/plain"] = info.PlainText;
            data["text/markdown"] = info.Markdown;
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = info is not null,
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        };
    }
}
