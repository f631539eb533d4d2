using Kiln.Notebooks;
using Kiln.Runner.Execution;
using Kiln.Runner.Parameters;

namespace Kiln.Runner;

/// <summary>Runs one notebook headlessly in a worker process and writes the executed notebook.</summary>
/// <remarks>
/// The executed notebook is saved after every cell (written in the background, so cells do not wait for the disk), and
/// on failure, timeout, cancellation or a worker crash; every write has finished when the run returns, so a failed run
/// always leaves its evidence. nbclient: <c>NotebookClient.execute</c>; papermill: <c>execute_notebook</c>.
/// </remarks>
public static class NotebookRunner
{
    /// <summary>Runs the notebook at <paramref name="path"/> (<c>.ipynb</c> or <c>.dib</c>).</summary>
    /// <param name="path">The notebook to run.</param>
    /// <param name="options">Run options.</param>
    /// <param name="observer">Receives progress, or null.</param>
    /// <param name="ct">Cancels the run: the current cell is stopped and the partial notebook saved.</param>
    /// <returns>The outcome; never throws for problems in the notebook itself.</returns>
    public static async Task<NotebookRunResult> RunAsync(string path, RunOptions options, IRunObserver? observer = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var start = options.Time.GetTimestamp();
        NotebookDocument document;
        (System.Text.Json.Nodes.JsonObject Defaults, System.Text.Json.Nodes.JsonObject Given) parameters;
        try
        {
            document = NotebookFile.Load(path);
            parameters = NotebookPreparation.Prepare(document, options.Parameters);
        }
        catch (Exception ex) when (ex is NotebookFormatException or ParameterException or IOException or UnauthorizedAccessException)
        {
            var invalid = new NotebookRunResult(path, null, NotebookStatus.Invalid, [], options.Time.GetElapsedTime(start), ex.Message);
            observer?.NotebookFinished(invalid);
            return invalid;
        }

        var outputPath = OutputPaths.For(path, options);
        var workingDirectory = Path.GetFullPath(options.WorkingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path))!);
        observer?.NotebookStarted(path, document.Cells.Count(c => RunnableCells.IsExecutable(document, c)));

        var saver = new NotebookSaver(document, outputPath);
        var execution = new NotebookExecution(document, path, saver, options, observer);
        execution.Metadata.StartNotebook(document, path, outputPath, parameters.Defaults, parameters.Given);
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        saver.Save();

        var (status, message, cells) = await execution.RunAsync(workingDirectory, ct).ConfigureAwait(false);
        execution.Metadata.FinishNotebook(document, status != NotebookStatus.Passed || cells.Any(c => c.Status == CellStatus.Failed));
        saver.Save();
        await saver.FlushAsync().ConfigureAwait(false);

        var result = new NotebookRunResult(path, outputPath, status, cells, options.Time.GetElapsedTime(start), message);
        observer?.NotebookFinished(result);
        return result;
    }
}
