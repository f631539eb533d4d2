using Kiln.Kernel.Events;

namespace Kiln.Kernel.Tests;

public class CSharpKernelErrorTests
{
    [Fact]
    public async Task SubmitAsync_CompileError_ReportsIdSeverityAndCellPosition()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunAsync("var a = 1;\nvar b = a + missing;");
        result.Status.ShouldBe(SubmissionStatus.Failed);
        var error = result.Error.ShouldNotBeNull();
        error.Name.ShouldBe("CompilationError");
        var diagnostic = error.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("CS0103");
        diagnostic.Severity.ShouldBe(CellDiagnosticSeverity.Error);
        diagnostic.Message.ShouldContain("missing");
        (diagnostic.Line, diagnostic.Column).ShouldBe((2, 13));
        (diagnostic.EndLine, diagnostic.EndColumn).ShouldBe((2, 20));
        error.Traceback.ShouldContain("(2,13): error CS0103: The name 'missing' does not exist in the current context");
    }

    [Fact]
    public async Task SubmitAsync_CompileErrorBelowMagicLines_PositionCountsTheMagicLines()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunAsync("#!csharp\n#!time\n  int x = \"text\";");
        var diagnostic = result.Error.ShouldNotBeNull().Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("CS0029");
        (diagnostic.Line, diagnostic.Column).ShouldBe((3, 11));
    }

    [Fact]
    public async Task SubmitAsync_SeveralCompileErrors_ReportsEach()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunAsync("int a = \"s\";\nundefinedCall();");
        result.Error.ShouldNotBeNull().Diagnostics.Select(d => (d.Id, d.Line)).ShouldBe([("CS0029", 1), ("CS0103", 2)]);
    }

    [Fact]
    public async Task SubmitAsync_RuntimeException_ReportsTypeMessageAndUserFramesOnly()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("void Check(int v)\n{\n    if (v < 0) throw new ArgumentOutOfRangeException(nameof(v), \"negative\");\n}");
        var result = await kernel.RunAsync("var n = -1;\nCheck(n);");
        result.Status.ShouldBe(SubmissionStatus.Failed);
        var error = result.Error.ShouldNotBeNull();
        error.Name.ShouldBe("ArgumentOutOfRangeException");
        error.Value.ShouldStartWith("negative");
        error.Diagnostics.ShouldBeEmpty();
        error.Traceback[0].ShouldStartWith("System.ArgumentOutOfRangeException: negative");
        error.Traceback.ShouldContain("   at Check(Int32 v) in <cell 1>, line 3");
        error.Traceback.ShouldContain("   at <cell 2>, line 2");
        error.Traceback.ShouldAllBe(line => !line.Contains("Submission#") && !line.Contains("Microsoft.CodeAnalysis")
            && !line.Contains("System.Runtime.CompilerServices") && !line.Contains("End of stack trace"));
    }

    [Fact]
    public async Task SubmitAsync_ExceptionAfterAwaitsAndInALambda_ReportsTheCellLinesOfEveryFrame()
    {
        // Cells are compiled without symbols; their lines come from a PDB emitted when the exception is reported.
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("async Task Fail()\n{\n    await Task.Yield();\n    throw new InvalidOperationException(\"late\");\n}");
        var late = (await kernel.RunAsync("await Task.Delay(1);\n\nawait Fail();")).Error.ShouldNotBeNull();
        late.Traceback.ShouldContain("   at Fail() in <cell 1>, line 4");
        late.Traceback.ShouldContain("   at <cell 2>, line 3");

        var inLambda = (await kernel.RunAsync("var divisors = new[] { 1, 0 };\nvar quotients = divisors\n    .Select(d => 10 / d)\n    .ToList();")).Error.ShouldNotBeNull();
        inLambda.Name.ShouldBe("DivideByZeroException");
        inLambda.Traceback.ShouldContain("   at <cell 3>, line 3");
        inLambda.Traceback.ShouldContain("   at <cell 3>, line 2");
    }

    [Fact]
    public async Task SubmitAsync_ExceptionWithInner_ListsInnerException()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunAsync("throw new InvalidOperationException(\"outer\", new FormatException(\"inner\"));");
        result.Error.ShouldNotBeNull().Traceback.ShouldContain(" ---> System.FormatException: inner");
    }

    [Fact]
    public async Task SubmitAsync_ExceptionInAwaitedTask_ReportsItsType()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunAsync("await Task.Run(() => throw new TimeoutException(\"late\"));");
        var error = result.Error.ShouldNotBeNull();
        (error.Name, error.Value).ShouldBe(("TimeoutException", "late"));
        error.Traceback.ShouldAllBe(line => !line.Contains("Microsoft.CodeAnalysis") && !line.Contains("System.Threading.Tasks"));
    }
}
