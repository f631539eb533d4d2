using System.Text.Json.Nodes;
using Kiln.Notebooks;

namespace Kiln.Runner.Tests;

public sealed class NotebookRunnerTests : IDisposable
{
    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    [Fact]
    public async Task RunAsync_PassingNotebook_SavesOutputsCountsAndTimingMetadata()
    {
        var path = _notebooks.Write("ok.ipynb",
            TestNotebooks.Markdown("# Title"),
            TestNotebooks.Code("var x = 40;"),
            TestNotebooks.Code("Console.WriteLine(\"hi\");\nx + 2"));

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Passed, result.Message);
        result.ExitCode.ShouldBe(0);
        var executed = NotebookFile.Load(result.OutputPath!);
        executed.Cells[1].ExecutionCount.ShouldBe(1);
        executed.Cells[2].ExecutionCount.ShouldBe(2);
        var outputs = executed.Cells[2].Outputs;
        outputs[0].ShouldBeOfType<StreamOutput>().Text.ShouldBe("hi\n");
        var value = outputs[1].ShouldBeOfType<ExecuteResultOutput>();
        value.GetText("text/plain").ShouldBe("42");
        value.ExecutionCount.ShouldBe(2);
        var execution = executed.Cells[2].Metadata["execution"]!.AsObject();
        execution.Select(p => p.Key).ShouldBe(["iopub.status.busy", "iopub.execute_input", "shell.execute_reply", "iopub.status.idle"], ignoreOrder: true);
        executed.Cells[2].Metadata["papermill"]!["status"]!.GetValue<string>().ShouldBe("completed");
        executed.Metadata["papermill"]!["exception"]!.GetValue<bool>().ShouldBeFalse();
        TestNotebooks.NbformatValidationError(result.OutputPath!).ShouldBeNull();
    }

    [Fact]
    public async Task RunAsync_FailingCell_SavesErrorAndStopsBeforeLaterCells()
    {
        var path = _notebooks.Write("bad.ipynb",
            TestNotebooks.Code("Console.WriteLine(\"before\");"),
            TestNotebooks.Code("throw new InvalidOperationException(\"boom\");"),
            TestNotebooks.Code("Console.WriteLine(\"after\");"));

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Failed);
        result.ExitCode.ShouldBe(1);
        result.Cells.Select(c => c.Status).ShouldBe([CellStatus.Passed, CellStatus.Failed, CellStatus.NotRun]);
        result.Message!.ShouldContain("boom");
        var executed = NotebookFile.Load(result.OutputPath!);
        var error = executed.Cells[1].Outputs.OfType<ErrorOutput>().Single();
        error.EName.ShouldContain("InvalidOperationException");
        error.EValue.ShouldBe("boom");
        executed.Cells[2].Outputs.ShouldBeEmpty();
        executed.Cells[1].Metadata["papermill"]!["status"]!.GetValue<string>().ShouldBe("failed");
        executed.Metadata["papermill"]!["exception"]!.GetValue<bool>().ShouldBeTrue();
        TestNotebooks.NbformatValidationError(result.OutputPath!).ShouldBeNull();
    }

    [Fact]
    public async Task RunAsync_AllowErrors_RunsEveryCellAndPasses()
    {
        var path = _notebooks.Write("allowed.ipynb",
            TestNotebooks.Code("throw new Exception(\"first\");"),
            TestNotebooks.Code("1 + 1"));

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options with { AllowErrors = true }, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Passed);
        result.Cells.Select(c => c.Status).ShouldBe([CellStatus.Failed, CellStatus.Passed]);
    }

    [Fact(Timeout = 120_000)]
    public async Task RunAsync_InfiniteLoopPastCellTimeout_KillsWorkerAndReportsTimeout()
    {
        var path = _notebooks.Write("loop.ipynb",
            TestNotebooks.Code("Console.WriteLine(\"start\");", "timeout=60"),
            TestNotebooks.Code("while (true) { }"),
            TestNotebooks.Code("Console.WriteLine(\"never\");"));

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options with { CellTimeout = TimeSpan.FromSeconds(2) },
            ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.TimedOut);
        result.ExitCode.ShouldBe(3);
        result.Cells.Select(c => c.Status).ShouldBe([CellStatus.Passed, CellStatus.TimedOut, CellStatus.NotRun]);
        var executed = NotebookFile.Load(result.OutputPath!);
        executed.Cells[0].Outputs.OfType<StreamOutput>().Single().Text.ShouldBe("start\n");
        var error = executed.Cells[1].Outputs.OfType<ErrorOutput>().Single();
        error.EName.ShouldBe("TimeoutError");
        error.EValue.ShouldContain("cell timeout of 2 s");
        executed.Cells[1].Metadata["execution"]!.AsObject().ContainsKey("shell.execute_reply").ShouldBeFalse();
    }

    [Fact(Timeout = 120_000)]
    public async Task RunAsync_CellTimeoutTag_OverridesDefault()
    {
        var path = _notebooks.Write("tagged.ipynb", TestNotebooks.Code("Thread.Sleep(Timeout.Infinite);", "timeout=1"));

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.TimedOut);
        result.Cells[0].Error!.Value.ShouldContain("1 s");
    }

    [Fact]
    public async Task RunAsync_WorkerKilledMidRun_ReportsCrashAndKeepsPartialNotebook()
    {
        var path = _notebooks.Write("crash.ipynb",
            TestNotebooks.Code("Console.WriteLine(\"saved\");"),
            TestNotebooks.Code("System.Diagnostics.Process.GetCurrentProcess().Kill();"),
            TestNotebooks.Code("1"));

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Crashed);
        result.ExitCode.ShouldBe(4);
        var executed = NotebookFile.Load(result.OutputPath!);
        executed.Cells[0].Outputs.OfType<StreamOutput>().Single().Text.ShouldBe("saved\n");
        executed.Cells[1].Outputs.OfType<ErrorOutput>().Single().EName.ShouldBe("WorkerCrashed");
        TestNotebooks.NbformatValidationError(result.OutputPath!).ShouldBeNull();
    }

    [Fact]
    public async Task RunAsync_LaterCell_SeesEarlierCellAlreadySavedToTheOutputFile()
    {
        var output = Path.Combine(_notebooks.Output, "live.ipynb");
        var waitForSave = $$"""
            var saved = false;
            for (var i = 0; i < 300 && !saved; i++)
            {
                saved = File.Exists(@"{{output}}") && File.ReadAllText(@"{{output}}").Contains("first-cell-output");
                if (!saved) Thread.Sleep(100);
            }
            saved
            """;
        var path = _notebooks.Write("live.ipynb",
            TestNotebooks.Code("Console.WriteLine(\"first-cell-output\");"),
            TestNotebooks.Code(waitForSave));

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Passed, result.Message);
        result.OutputPath.ShouldBe(output);
        var executed = NotebookFile.Load(output);
        executed.Cells[1].Outputs.OfType<ExecuteResultOutput>().Single().GetText("text/plain").ShouldBe("True");
        Directory.GetFiles(_notebooks.Output, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_SkipExecutionAndRaisesException_FollowNbclientTags()
    {
        var path = _notebooks.Write("tags.ipynb",
            TestNotebooks.Code("throw new Exception(\"skipped\");", "skip-execution"),
            TestNotebooks.Code("throw new ArgumentException(\"expected\");", "raises-exception"),
            TestNotebooks.Code("\"still running\""));

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Passed, result.Message);
        result.Cells.Select(c => c.Status).ShouldBe([CellStatus.Skipped, CellStatus.ExpectedError, CellStatus.Passed]);
    }

    [Fact]
    public async Task RunAsync_RaisesExceptionTagWithoutError_Fails()
    {
        var path = _notebooks.Write("noraise.ipynb", TestNotebooks.Code("1 + 1", "raises-exception"));

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Failed);
        result.Cells[0].Error!.Value.ShouldContain("raises-exception");
    }

    [Fact]
    public async Task RunAsync_Parameters_InjectsTypedCellAfterParametersCell()
    {
        var path = _notebooks.Write("params.ipynb",
            TestNotebooks.Code("int epochs = 1;\ndouble lr = 0.1;\nbool verbose = false;\nstring device = \"cpu\";\nint[] sizes = { 1 };", "parameters"),
            TestNotebooks.Code("$\"{epochs} {lr} {verbose} {device} {string.Join('+', sizes)}\""));
        var options = _notebooks.Options with
        {
            Parameters = new Dictionary<string, JsonNode?>
            {
                ["epochs"] = "7", ["lr"] = "0.25", ["verbose"] = "true", ["device"] = "gpu", ["sizes"] = "[64, 32]",
            },
        };

        var result = await NotebookRunner.RunAsync(path, options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Passed, result.Message);
        var executed = NotebookFile.Load(result.OutputPath!);
        executed.Cells.Count.ShouldBe(3);
        executed.Cells[1].Metadata["tags"]!.AsArray().Single()!.GetValue<string>().ShouldBe("injected-parameters");
        executed.Cells[2].Outputs.OfType<ExecuteResultOutput>().Single().GetText("text/plain").ShouldBe("7 0.25 True gpu 64+32");
        executed.Metadata["papermill"]!["parameters"]!["epochs"]!.GetValue<string>().ShouldBe("7");
    }

    [Fact]
    public async Task RunAsync_BadParameter_IsInvalidBeforeAnythingRuns()
    {
        var path = _notebooks.Write("params.ipynb", TestNotebooks.Code("int epochs = 1;", "parameters"));
        var options = _notebooks.Options with { Parameters = new Dictionary<string, JsonNode?> { ["epochs"] = "many" } };

        var result = await NotebookRunner.RunAsync(path, options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Invalid);
        result.ExitCode.ShouldBe(2);
        result.Message!.ShouldContain("epochs");
        result.OutputPath.ShouldBeNull();
    }

    [Fact]
    public async Task RunAsync_MalformedNotebook_IsInvalidWithMessageNamingFile()
    {
        var path = Path.Combine(_notebooks.Root, "broken.ipynb");
        await File.WriteAllTextAsync(path, "{\"cells\": [", TestContext.Current.CancellationToken);

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Invalid);
        result.ExitCode.ShouldBe(2);
        result.Message!.ShouldContain("broken.ipynb");
    }

    [Fact]
    public async Task RunAsync_DibInput_WritesValidIpynb()
    {
        var path = Path.Combine(_notebooks.Root, "polyglot.dib");
        await File.WriteAllTextAsync(path, "#!markdown\n\n# Hello\n\n#!csharp\n\nvar n = 6;\n\n#!csharp\n\nn * 7\n", TestContext.Current.CancellationToken);

        var result = await NotebookRunner.RunAsync(path, _notebooks.Options, ct: TestContext.Current.CancellationToken);

        result.Status.ShouldBe(NotebookStatus.Passed, result.Message);
        result.OutputPath.ShouldEndWith("polyglot.ipynb");
        NotebookFile.Load(result.OutputPath!).Cells[2].Outputs.OfType<ExecuteResultOutput>().Single().GetText("text/plain").ShouldBe("42");
        TestNotebooks.NbformatValidationError(result.OutputPath!).ShouldBeNull();
    }

    [Fact]
    public async Task BatchRunner_FourNotebooksTwoJobs_EachInItsOwnWorker()
    {
        var paths = Enumerable.Range(1, 4)
            .Select(i => _notebooks.Write($"nb{i}.ipynb", TestNotebooks.Code("Environment.ProcessId")))
            .ToList();

        var results = await BatchRunner.RunAsync(paths, _notebooks.Options, jobs: 2, ct: TestContext.Current.CancellationToken);

        results.Select(r => r.InputPath).ShouldBe(paths);
        results.ShouldAllBe(r => r.Status == NotebookStatus.Passed);
        var processIds = results.Select(r => NotebookFile.Load(r.OutputPath!).Cells[0].Outputs.OfType<ExecuteResultOutput>().Single().GetText("text/plain"));
        processIds.Distinct().Count().ShouldBe(4);
    }
}
