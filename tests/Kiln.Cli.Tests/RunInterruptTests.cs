using Kiln.Notebooks;

namespace Kiln.Cli.Tests;

public sealed class RunInterruptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task Run_CtrlCDuringEndlessCell_SavesPartialNotebookAndExits130()
    {
        KilnProcess.SkipIfSigIntIgnored();
        var document = NotebookDocument.CreateCSharp();
        document.Cells.Add(NotebookCell.Code("Console.WriteLine(\"before\");"));
        document.Cells.Add(NotebookCell.Code("while (true) { }"));
        NotebookFile.Save(document, Path.Combine(_root, "loop.ipynb"));
        using var kiln = KilnProcess.Start(_root, new Dictionary<string, string?> { ["CI"] = "true" }, "run", "loop.ipynb");
        var stderr = kiln.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        while (await kiln.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line && !line.Contains("cell 0: passed", StringComparison.Ordinal))
        {
        }

        await KilnProcess.InterruptAsync(kiln);

        var rest = await kiln.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await kiln.WaitForExitAsync(TestContext.Current.CancellationToken);

        kiln.ExitCode.ShouldBe(130, rest + await stderr);
        var executed = NotebookFile.Load(Path.Combine(_root, "artifacts", "executed", "loop.ipynb"));
        executed.Cells[0].Outputs.OfType<StreamOutput>().Single().Text.ShouldBe("before\n");
        executed.Cells[1].Outputs.OfType<ErrorOutput>().Single().EName.ShouldBe("Cancelled");
    }
}
