using System.Xml.Linq;
using Kiln.Runner.Reports;

namespace Kiln.Runner.Tests.Reports;

public class JUnitReportTests
{
    [Fact]
    public void Build_PassedFailedAndTimedOut_OneCasePerNotebookWithFailurePerCell()
    {
        var error = new CellError("DivideByZeroException", "Attempted to divide by zero.", ["at <cell>, line 2"]);
        NotebookRunResult[] results =
        [
            new("nb/ok.ipynb", "out/ok.ipynb", NotebookStatus.Passed, [new(0, 1, CellStatus.Passed, TimeSpan.FromSeconds(1), "1")], TimeSpan.FromSeconds(2)),
            new("nb/bad.ipynb", "out/bad.ipynb", NotebookStatus.Failed,
                [new(0, 1, CellStatus.Passed, TimeSpan.Zero, "var x = 0;"), new(1, 2, CellStatus.Failed, TimeSpan.Zero, "var y = 1;\n1 / x", error)],
                TimeSpan.FromSeconds(3)),
            new("slow.ipynb", "out/slow.ipynb", NotebookStatus.TimedOut,
                [new(0, null, CellStatus.TimedOut, TimeSpan.FromSeconds(2), "while (true) { }", new("TimeoutError", "Cell 0 exceeded", []))],
                TimeSpan.FromSeconds(2)),
        ];

        var document = JUnitReport.Build(results, DateTimeOffset.UnixEpoch);

        var suites = document.Root!;
        suites.Attribute("tests")!.Value.ShouldBe("3");
        suites.Attribute("failures")!.Value.ShouldBe("1");
        suites.Attribute("errors")!.Value.ShouldBe("1");
        var cases = suites.Descendants("testcase").ToList();
        cases.Select(c => c.Attribute("name")!.Value).ShouldBe(["nb/ok.ipynb", "nb/bad.ipynb", "slow.ipynb"]);
        cases[0].Elements().ShouldBeEmpty();
        var failure = cases[1].Element("failure")!;
        failure.Attribute("message")!.Value.ShouldBe("cell 1: DivideByZeroException: Attempted to divide by zero.");
        failure.Value.ShouldContain("nb/bad.ipynb:cell_1");
        failure.Value.ShouldContain("1 / x");
        failure.Value.ShouldContain("at <cell>, line 2");
        cases[2].Element("error")!.Attribute("type")!.Value.ShouldBe("TimeoutError");
    }

    [Fact]
    public void Write_CreatesParseableFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kiln-junit-{Guid.NewGuid():N}", "report.xml");

        JUnitReport.Write(path, [], DateTimeOffset.UnixEpoch);

        XDocument.Load(path).Root!.Name.LocalName.ShouldBe("testsuites");
    }
}
