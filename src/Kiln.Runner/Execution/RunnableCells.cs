using Kiln.Notebooks;

namespace Kiln.Runner.Execution;

/// <summary>Decides which cells the runner sends to the C# kernel.</summary>
internal static class RunnableCells
{
    /// <summary>A C# code cell with some source (nbclient skips blank cells too).</summary>
    public static bool IsExecutable(NotebookDocument document, NotebookCell cell) =>
        NotebookKernels.IsExecutableCSharp(document, cell) && !string.IsNullOrWhiteSpace(cell.Source);
}
