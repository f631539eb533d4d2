namespace Kiln.Runner;

/// <summary>Receives progress while notebooks run: for live displays, logs and tests.</summary>
/// <remarks>Calls for different notebooks can arrive concurrently when notebooks run in parallel.</remarks>
public interface IRunObserver
{
    /// <summary>A notebook started; <paramref name="codeCells"/> cells will be run.</summary>
    void NotebookStarted(string path, int codeCells);

    /// <summary>A cell started.</summary>
    void CellStarted(string path, int cellIndex, int ordinal);

    /// <summary>A cell wrote to stdout or stderr.</summary>
    void CellOutput(string path, int cellIndex, string streamName, string text);

    /// <summary>A cell finished.</summary>
    void CellFinished(string path, CellResult result);

    /// <summary>A notebook finished.</summary>
    void NotebookFinished(NotebookRunResult result);
}
