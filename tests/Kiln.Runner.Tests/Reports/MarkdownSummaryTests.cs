using System.Text.Json.Nodes;
using Kiln.Notebooks;
using Kiln.Runner.Reports;

namespace Kiln.Runner.Tests.Reports;

public sealed class MarkdownSummaryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-summary-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Build_TaggedCells_CopiesTheirOutputsUnderTheNotebook()
    {
        var document = NotebookDocument.CreateCSharp();
        var reported = NotebookCell.Code("Console.WriteLine(\"F1: 0.97\");");
        reported.Metadata["tags"] = new JsonArray("summary");
        reported.Outputs.Add(new StreamOutput(StreamOutput.StdOut, "F1: 0.97\n"));
        var other = NotebookCell.Code("Console.WriteLine(\"noise\");");
        other.Outputs.Add(new StreamOutput(StreamOutput.StdOut, "noise\n"));
        document.Cells.Add(other);
        document.Cells.Add(reported);
        var executed = Path.Combine(_root, "nb.ipynb");
        NotebookFile.Save(document, executed);
        NotebookRunResult[] results =
        [
            new("nb.ipynb", executed, NotebookStatus.Passed, [new(0, 1, CellStatus.Passed, TimeSpan.Zero, ""), new(1, 2, CellStatus.Passed, TimeSpan.Zero, "")], TimeSpan.FromSeconds(1.5)),
            new("broken.ipynb", null, NotebookStatus.Invalid, [], TimeSpan.Zero, "broken.ipynb(1,1): expected an object"),
        ];

        var summary = MarkdownSummary.Build(results);

        summary.ShouldContain("| nb.ipynb | passed | 2 | 1.5 s |");
        summary.ShouldContain("## nb.ipynb\n\n```\nF1: 0.97\n```");
        summary.ShouldNotContain("noise");
        summary.ShouldContain("**Invalid:** broken.ipynb(1,1): expected an object");
    }
}
