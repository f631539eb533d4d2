namespace Kiln.Kernel.Tests;

/// <summary>Which cells the next cell continues: those that ran, even with an exception, and not those that were stopped or did not compile.</summary>
public class SubmissionChainTests
{
    [Fact]
    public async Task SubmitAsync_AfterAHardStoppedCell_NextCellsContinueTheCellBeforeIt()
    {
        await using var kernel = new CSharpKernel(new KernelOptions { HardStopOnCancel = true });
        await kernel.RunOkAsync("var kept = 1;");

        (await kernel.CancelOnceStartedAsync("var lost = 2;\nConsole.WriteLine(\"looping\");\nwhile (true) { }"))
            .ShouldBe(SubmissionStatus.Cancelled);

        (await kernel.RunAsync("lost")).Error.ShouldNotBeNull().Name.ShouldBe("CompilationError");
        await kernel.RunOkAsync("var next = kept + 1;");
        (await kernel.RunOkAsync("next")).ReturnText.ShouldBe("2");
        kernel.GetVariables().Select(v => v.Name).ShouldBe(["kept", "next"]);
    }

    [Fact]
    public async Task SubmitAsync_CellThatThrowsAfterADeclaration_KeepsTheVariableForLaterCells()
    {
        await using var kernel = new CSharpKernel();
        (await kernel.RunAsync("var declared = 5;\nthrow new InvalidOperationException(\"after the declaration\");")).Status
            .ShouldBe(SubmissionStatus.Failed);
        (await kernel.RunOkAsync("declared * 2")).ReturnText.ShouldBe("10");
    }

    [Fact]
    public async Task SubmitAsync_ManyCells_EachKeepsItsVariables()
    {
        await using var kernel = new CSharpKernel();
        for (var i = 0; i < 20; i++)
        {
            await kernel.RunOkAsync($"var v{i} = {i};");
        }

        (await kernel.RunOkAsync("v0 + v7 + v19")).ReturnText.ShouldBe("26");
        kernel.GetVariables().Select(v => v.Name).ShouldBe(Enumerable.Range(0, 20).Select(i => $"v{i}"));
    }

    [Fact]
    public async Task SubmitAsync_CellWithOnlyAUsing_LaterCellsSeeEveryVariable()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("var first = 1;");
        (await kernel.RunOkAsync("using System.Text;")).ReturnValue.ShouldBeNull();
        await kernel.RunOkAsync("var builder = new StringBuilder(\"b\");");
        (await kernel.RunOkAsync("$\"{first}{builder}\"")).ReturnText.ShouldBe("1b");
        kernel.GetVariables().Select(v => (v.Name, v.Type)).ShouldBe([("first", typeof(int)), ("builder", typeof(System.Text.StringBuilder))]);
    }

    [Fact]
    public async Task SubmitAsync_CellAfterACompileError_CompilesAsTheNextSubmission()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("int Twice(int x) => x * 2;");
        (await kernel.RunAsync("Twice(\"no\")")).Error.ShouldNotBeNull().Name.ShouldBe("CompilationError");
        (await kernel.RunAsync("Twice(1.5)")).Error.ShouldNotBeNull().Name.ShouldBe("CompilationError");
        (await kernel.RunOkAsync("Twice(21)")).ReturnText.ShouldBe("42");
    }
}
