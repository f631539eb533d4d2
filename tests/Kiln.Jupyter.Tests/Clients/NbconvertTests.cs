using System.Text.Json.Nodes;

namespace Kiln.Jupyter.Tests.Clients;

/// <summary>Executes a notebook with Debian's <c>jupyter nbconvert --execute</c> against the kernel and checks the outputs nbclient recorded.</summary>
[Collection(nameof(JupyterClientCollection))]
public sealed class NbconvertTests : IDisposable
{
    private readonly KernelspecPrefix _prefix = new();

    [Fact]
    public async Task NbconvertExecute_SmokeNotebook_RecordsStateDisplayUpdateResultAndError()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "kernel-smoke.ipynb");
        var output = Path.Combine(_prefix.Root, "executed.ipynb");
        var result = await ExternalProcess.RunAsync(
            "/usr/bin/jupyter-nbconvert",
            ["--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=kiln-csharp",
             "--ExecutePreprocessor.timeout=60", "--output", output, source],
            _prefix.Environment,
            TimeSpan.FromSeconds(120));
        result.ExitCode.ShouldBe(0, result.ToString());

        var cells = JsonNode.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken))!["cells"]!.AsArray();
        var code = cells.Where(c => c!["cell_type"]!.GetValue<string>() == "code").Select(c => c!.AsObject()).ToList();
        code.Select(c => c["execution_count"]!.GetValue<int>()).ShouldBe([1, 2, 3, 4, 5, 6]);

        code[0]["outputs"]!.AsArray().ShouldBeEmpty();
        var stream = code[1]["outputs"]![0]!;
        stream["output_type"]!.GetValue<string>().ShouldBe("stream");
        stream["name"]!.GetValue<string>().ShouldBe("stdout");
        Text(stream["text"]!).ShouldBe("hello world\n");

        var display = code[2]["outputs"]!.AsArray().ShouldHaveSingleItem()!;
        display["output_type"]!.GetValue<string>().ShouldBe("display_data");
        Text(display["data"]!["text/plain"]!).ShouldContain("second");
        Text(display["data"]!["text/plain"]!).ShouldNotContain("first");

        var value = code[3]["outputs"]![0]!;
        value["output_type"]!.GetValue<string>().ShouldBe("execute_result");
        value["execution_count"]!.GetValue<int>().ShouldBe(4);
        Text(value["data"]!["text/plain"]!).ShouldBe("5");

        var error = code[4]["outputs"]![0]!;
        error["output_type"]!.GetValue<string>().ShouldBe("error");
        error["ename"]!.GetValue<string>().ShouldBe("InvalidOperationException");
        error["evalue"]!.GetValue<string>().ShouldBe("expected failure");
        error["traceback"]!.AsArray().ShouldNotBeEmpty();

        Text(code[5]["outputs"]![0]!["data"]!["text/plain"]!).ShouldContain("HELLO");
    }

    public void Dispose() => _prefix.Dispose();

    /// <summary>nbformat stores multiline strings as a string or a list of lines.</summary>
    private static string Text(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node.GetValue<string>();
}
