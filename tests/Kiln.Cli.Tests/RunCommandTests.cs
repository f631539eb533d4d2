using System.Xml.Linq;
using Kiln.Notebooks;

namespace Kiln.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string name, params string[] sources)
    {
        var document = NotebookDocument.CreateCSharp();
        foreach (var source in sources)
        {
            document.Cells.Add(NotebookCell.Code(source));
        }

        document.EnsureCellIds();
        var path = Path.Combine(_root, name);
        NotebookFile.Save(document, path);
        return path;
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("NO_COLOR", "1")]
    public async Task Run_OnCiOrNoColor_PrintsPlainLinesAndTable(string variable, string value)
    {
        Write("ok.ipynb", "Console.WriteLine(\"hello\");", "1 + 1");

        var (exitCode, output) = await KilnProcess.RunAsync(_root, new Dictionary<string, string?> { [variable] = value }, "run", "ok.ipynb", "--log-output");

        exitCode.ShouldBe(0, output);
        output.ShouldNotContain("\u001b");
        output.ShouldContain("[ok.ipynb:cell_0] hello");
        output.ShouldContain("passed");
        File.Exists(Path.Combine(_root, "artifacts", "executed", "ok.ipynb")).ShouldBeTrue();
    }

    [Fact]
    public async Task Run_Worker_DelaysTierUpForShortLivedProcesses()
    {
        Write("tiering.ipynb", "Console.WriteLine($\"delay={AppContext.GetData(\"System.Runtime.TieredCompilation.CallCountingDelayMs\")}\");");

        var (exitCode, output) = await KilnProcess.RunAsync(_root, new Dictionary<string, string?> { ["CI"] = "true" }, "run", "tiering.ipynb", "--log-output");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("delay=2000");
    }

    [Fact]
    public async Task Run_FailingCell_ExitsOneWithReportAndJUnit()
    {
        Write("bad.ipynb", "var x = 0;", "var y = 1;\nvar z = y / x;");
        var junit = Path.Combine(_root, "report.xml");

        var (exitCode, output) = await KilnProcess.RunAsync(_root, new Dictionary<string, string?> { ["CI"] = "true" }, "run", "bad.ipynb", "--junit", junit);

        exitCode.ShouldBe(1, output);
        output.ShouldContain("bad.ipynb:cell_1");
        output.ShouldContain("DivideByZeroException");
        var failure = XDocument.Load(junit).Descendants("failure").Single();
        failure.Attribute("message")!.Value.ShouldStartWith("cell 1:");
    }

    [Fact]
    public async Task Run_ParametersFileAndFlag_InjectsTypedValues()
    {
        var document = NotebookDocument.CreateCSharp();
        var parameters = NotebookCell.Code("int epochs = 1;\nstring[] names = { \"x\" };\ndouble rate = 0.5;");
        parameters.Metadata["tags"] = new System.Text.Json.Nodes.JsonArray("parameters");
        document.Cells.Add(parameters);
        document.Cells.Add(NotebookCell.Code("Console.WriteLine($\"{epochs} {string.Join('/', names)} {rate}\");"));
        NotebookFile.Save(document, Path.Combine(_root, "params.ipynb"));
        await File.WriteAllTextAsync(Path.Combine(_root, "params.json"), "{\"epochs\": 5, \"names\": [\"a\", \"b\"]}", TestContext.Current.CancellationToken);

        var (exitCode, output) = await KilnProcess.RunAsync(
            _root, new Dictionary<string, string?> { ["CI"] = "true" }, "run", "params.ipynb", "-f", "params.json", "-p", "rate=0.25", "--log-output");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("[params.ipynb:cell_2] 5 a/b 0.25");
    }

    [Fact]
    public async Task Run_ParameterThatDoesNotConvert_ExitsTwoBeforeRunning()
    {
        var document = NotebookDocument.CreateCSharp();
        var parameters = NotebookCell.Code("int epochs = 1;");
        parameters.Metadata["tags"] = new System.Text.Json.Nodes.JsonArray("parameters");
        document.Cells.Add(parameters);
        NotebookFile.Save(document, Path.Combine(_root, "params.ipynb"));

        var (exitCode, output) = await KilnProcess.RunAsync(
            _root, new Dictionary<string, string?> { ["CI"] = "true" }, "run", "params.ipynb", "-p", "epochs=lots");

        exitCode.ShouldBe(2, output);
        output.ShouldContain("Parameter 'epochs' is declared as int");
    }

    [Fact]
    public async Task Run_MissingNotebook_ExitsTwoNamingIt()
    {
        var (exitCode, output) = await KilnProcess.RunAsync(_root, new Dictionary<string, string?> { ["CI"] = "true" }, "run", "missing.ipynb");

        exitCode.ShouldBe(2);
        output.ShouldContain("missing.ipynb");
    }

    [Fact]
    public async Task Help_DocumentsExitCodes()
    {
        var (exitCode, output) = await KilnProcess.RunAsync(_root, new Dictionary<string, string?>(), "run", "--help");

        exitCode.ShouldBe(0);
        output.ShouldContain("3 timeout");
        output.ShouldContain("4 worker crashed");
    }

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var (exitCode, output) = await KilnProcess.RunAsync(_root, new Dictionary<string, string?>(), "--version");

        exitCode.ShouldBe(0);
        output.ShouldStartWith("0.1.0");
    }
}
