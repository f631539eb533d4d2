using Kiln.Notebooks;
using Kiln.Runner.Workers;

namespace Kiln.Runner.Execution;

/// <summary>Turns worker messages into notebook outputs, as nbclient does with iopub messages.</summary>
/// <remarks>Consecutive writes to the same stream are coalesced into one output; <c>update</c> replaces every output
/// shown under the same display id, in any earlier cell of the notebook.</remarks>
internal sealed class OutputCollector
{
    private readonly Dictionary<string, List<MimeOutput>> _byDisplayId = new(StringComparer.Ordinal);

    /// <summary>Applies <paramref name="message"/> to <paramref name="cell"/>; returns the error it carries, if any.</summary>
    public CellError? Apply(NotebookCell cell, WorkerMessage message)
    {
        switch (message.Type)
        {
            case "stream":
                AppendStream(cell, message.Name ?? StreamOutput.StdOut, message.Text ?? string.Empty);
                return null;
            case "display":
                var display = new DisplayDataOutput { Data = message.Data ?? [], Metadata = message.Metadata ?? [] };
                cell.Outputs.Add(display);
                Remember(message.DisplayId, display);
                return null;
            case "update":
                Update(message);
                return null;
            case "result":
                cell.Outputs.Add(new ExecuteResultOutput
                {
                    Data = message.Data ?? [],
                    Metadata = message.Metadata ?? [],
                    ExecutionCount = message.ExecutionCount,
                });
                return null;
            case "error":
                var error = new CellError(message.EName ?? "Error", message.EValue ?? string.Empty, message.Traceback ?? []);
                AddError(cell, error);
                return error;
            default:
                return null;
        }
    }

    /// <summary>Adds an error output (for timeouts and crashes the runner detects itself).</summary>
    public static void AddError(NotebookCell cell, CellError error) =>
        cell.Outputs.Add(new ErrorOutput(error.Name, error.Value, error.Traceback));

    private static void AppendStream(NotebookCell cell, string name, string text)
    {
        if (cell.Outputs.Count > 0 && cell.Outputs[^1] is StreamOutput last && last.Name == name)
        {
            last.Text += text;
        }
        else
        {
            cell.Outputs.Add(new StreamOutput(name, text));
        }
    }

    private void Remember(string? displayId, MimeOutput output)
    {
        if (displayId is null)
        {
            return;
        }

        if (!_byDisplayId.TryGetValue(displayId, out var outputs))
        {
            outputs = [];
            _byDisplayId[displayId] = outputs;
        }

        outputs.Add(output);
    }

    private void Update(WorkerMessage message)
    {
        if (message.DisplayId is null || !_byDisplayId.TryGetValue(message.DisplayId, out var outputs))
        {
            return;
        }

        foreach (var output in outputs)
        {
            output.Data = message.Data?.DeepClone().AsObject() ?? [];
            output.Metadata = message.Metadata?.DeepClone().AsObject() ?? [];
        }
    }
}
