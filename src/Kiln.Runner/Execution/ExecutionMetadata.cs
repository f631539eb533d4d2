using System.Globalization;
using System.Text.Json.Nodes;
using Kiln.Notebooks;

namespace Kiln.Runner.Execution;

/// <summary>Writes per-cell and per-notebook timing metadata compatible with nbclient and papermill.</summary>
/// <remarks>
/// nbclient: <c>cell.metadata.execution</c> with <c>iopub.status.busy</c>, <c>iopub.execute_input</c>,
/// <c>shell.execute_reply</c>, <c>iopub.status.idle</c> (<c>%Y-%m-%dT%H:%M:%S.%fZ</c>).
/// papermill: <c>metadata.papermill</c> on the notebook and each cell (ISO 8601 with <c>+00:00</c>), status
/// pending, running, completed or failed.
/// </remarks>
internal sealed class ExecutionMetadata(TimeProvider time)
{
    private const string Papermill = "papermill";
    private DateTimeOffset _notebookStart;

    public void StartNotebook(NotebookDocument document, string inputPath, string outputPath, JsonObject defaults, JsonObject parameters)
    {
        _notebookStart = time.GetUtcNow();
        document.Metadata[Papermill] = new JsonObject
        {
            ["default_parameters"] = defaults,
            ["parameters"] = parameters,
            ["environment_variables"] = new JsonObject(),
            ["version"] = "kiln " + typeof(ExecutionMetadata).Assembly.GetName().Version?.ToString(3),
            ["input_path"] = inputPath,
            ["output_path"] = outputPath,
            ["start_time"] = Papermill8601(_notebookStart),
            ["end_time"] = null,
            ["duration"] = null,
            ["exception"] = null,
        };
        foreach (var cell in document.Cells)
        {
            cell.Metadata[Papermill] = new JsonObject
            {
                ["exception"] = null,
                ["start_time"] = null,
                ["end_time"] = null,
                ["duration"] = null,
                ["status"] = "pending",
            };
        }
    }

    public DateTimeOffset StartCell(NotebookCell cell)
    {
        var now = time.GetUtcNow();
        cell.Metadata["execution"] = new JsonObject
        {
            ["iopub.status.busy"] = Nbclient(now),
            ["iopub.execute_input"] = Nbclient(now),
        };
        var papermill = CellPapermill(cell);
        papermill["start_time"] = Papermill8601(now);
        papermill["status"] = "running";
        papermill["exception"] = false;
        return now;
    }

    public TimeSpan FinishCell(NotebookCell cell, DateTimeOffset started, bool failed, bool replied)
    {
        var now = time.GetUtcNow();
        if (cell.Metadata["execution"] is JsonObject execution)
        {
            // nbmake finds a timed-out cell as the first without shell.execute_reply: only write it for a real reply.
            if (replied)
            {
                execution["shell.execute_reply"] = Nbclient(now);
            }

            execution["iopub.status.idle"] = Nbclient(now);
        }

        var papermill = CellPapermill(cell);
        papermill["end_time"] = Papermill8601(now);
        papermill["duration"] = (now - started).TotalSeconds;
        papermill["status"] = failed ? "failed" : "completed";
        papermill["exception"] = failed;
        return now - started;
    }

    public static void MarkSkipped(NotebookCell cell) => CellPapermill(cell)["status"] = "completed";

    public void FinishNotebook(NotebookDocument document, bool failed)
    {
        var now = time.GetUtcNow();
        if (document.Metadata[Papermill] is JsonObject papermill)
        {
            papermill["end_time"] = Papermill8601(now);
            papermill["duration"] = (now - _notebookStart).TotalSeconds;
            papermill["exception"] = failed;
        }
    }

    private static JsonObject CellPapermill(NotebookCell cell)
    {
        if (cell.Metadata[Papermill] is not JsonObject papermill)
        {
            papermill = [];
            cell.Metadata[Papermill] = papermill;
        }

        return papermill;
    }

    private static string Nbclient(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Papermill8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
