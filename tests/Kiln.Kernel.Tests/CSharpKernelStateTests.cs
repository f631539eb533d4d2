namespace Kiln.Kernel.Tests;

public class CSharpKernelStateTests
{
    [Fact]
    public async Task SubmitAsync_VariableFromEarlierCell_IsVisible()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("var x = 40;");
        var result = await kernel.RunOkAsync("x + 2");
        result.ReturnText.ShouldBe("42");
        result.Result.ExecutionCount.ShouldBe(2);
    }

    [Fact]
    public async Task SubmitAsync_MethodClassAndRecordFromEarlierCells_AreUsable()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("int Twice(int v) => v * 2;");
        await kernel.RunOkAsync("class Box { public int Value { get; set; } }");
        await kernel.RunOkAsync("record Pair(string Left, string Right);");
        var result = await kernel.RunOkAsync("var box = new Box { Value = Twice(21) };\nnew Pair(box.Value.ToString(), \"r\").Left");
        result.ReturnText.ShouldBe("42");
    }

    [Fact]
    public async Task SubmitAsync_FrameworkAssembliesOfTheScriptingDefaults_AreReferencedInEveryCell()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("var id = System.Diagnostics.Process.GetCurrentProcess().Id;");

        (await kernel.RunOkAsync("id > 0 && typeof(System.Threading.Tasks.Parallel).Name == \"Parallel\""))
            .ReturnText.ShouldBe("True");
    }

    [Fact]
    public async Task SubmitAsync_UsingInLaterCell_AppliesToThatCellAndLaterOnes()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("var text = \"a1b22\";");
        await kernel.RunOkAsync("using System.Text.RegularExpressions;");
        var result = await kernel.RunOkAsync("Regex.Matches(text, @\"\\d+\").Count");
        result.ReturnText.ShouldBe("2");
    }

    [Fact]
    public async Task SubmitAsync_TopLevelAwait_ProducesAwaitedValue()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("async Task<int> SlowAsync() { await Task.Delay(5); return 7; }");
        var result = await kernel.RunOkAsync("await SlowAsync() * 6");
        result.ReturnText.ShouldBe("42");
    }

    [Fact]
    public async Task SubmitAsync_AfterFailedCell_EarlierStateSurvives()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("var kept = \"still here\";");
        (await kernel.RunAsync("throw new Exception(\"fail\");")).Status.ShouldBe(SubmissionStatus.Failed);
        (await kernel.RunAsync("kept.NoSuchMethod()")).Status.ShouldBe(SubmissionStatus.Failed);
        var result = await kernel.RunOkAsync("kept");
        result.ReturnText.ShouldBe("still here");
    }

    [Fact]
    public async Task SubmitAsync_StatementWithSemicolonOrVoidCall_HasNoReturnValue()
    {
        await using var kernel = new CSharpKernel();
        (await kernel.RunOkAsync("var a = 1;")).ReturnValue.ShouldBeNull();
        (await kernel.RunOkAsync("Console.WriteLine(\"x\")")).ReturnValue.ShouldBeNull();
        (await kernel.RunOkAsync("a.ToString();")).ReturnValue.ShouldBeNull();
    }

    [Fact]
    public async Task SubmitAsync_NullTrailingExpression_ReturnsNullText()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("string s = null;\ns");
        result.ReturnText.ShouldBe("<null>");
    }

    [Fact]
    public async Task GetVariables_AfterCells_ListsLatestDeclarationOfEachName()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("var a = 1; var b = \"two\";");
        await kernel.RunOkAsync("var a = 3.5;");
        var variables = kernel.GetVariables();
        variables.Select(v => v.Name).ShouldBe(["a", "b"]);
        variables[0].Type.ShouldBe(typeof(double));
        variables[0].Value.ShouldBe(3.5);
    }

    [Theory]
    [InlineData("var x = 1;", true)]
    [InlineData("if (x > 1) {", false)]
    [InlineData("var s = \"open", false)]
    [InlineData("#!time\nvoid F() { }", true)]
    [InlineData("1 +", false)]
    public void IsCompleteSubmission_Code_MatchesRoslynCompleteness(string code, bool expected) =>
        CSharpKernel.IsCompleteSubmission(code).ShouldBe(expected);

    [Fact]
    public async Task SubmitAsync_Events_CarryTheSubmissionExecutionCount()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("1");
        var second = await kernel.RunOkAsync("Console.WriteLine(1); 2");
        second.Events.ShouldAllBe(e => e.ExecutionCount == 2);
    }
}
