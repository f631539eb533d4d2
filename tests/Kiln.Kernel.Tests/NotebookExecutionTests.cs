using Kiln.Notebooks;

namespace Kiln.Kernel.Tests;

public class NotebookExecutionTests
{
    /// <summary>What one cell of <c>Fixtures/ordinary-csharp.dib</c> must produce, from C#'s own semantics.</summary>
    public sealed record Expected(SubmissionStatus Status, string? Result = null, string Stdout = "", string Stderr = "", string? ErrorName = null, string? ErrorValue = null);

    private static readonly Expected[] Cells =
    [
        new(SubmissionStatus.Succeeded, "HELLO, KILN"),
        new(SubmissionStatus.Succeeded, Stdout: "Hello|Kiln\n"),
        new(SubmissionStatus.Succeeded, "30"),
        new(SubmissionStatus.Succeeded, "[ 1, 4, 9, 16, 25 ]"),
        new(SubmissionStatus.Succeeded),
        new(SubmissionStatus.Succeeded, "5"),
        new(SubmissionStatus.Succeeded, "Point { X = 0, Y = 4, Length = 4 }"),
        new(SubmissionStatus.Succeeded, "9"),
        new(SubmissionStatus.Succeeded, "zebra"),
        new(SubmissionStatus.Succeeded, "2"),
        new(SubmissionStatus.Succeeded, "49"),
        new(SubmissionStatus.Succeeded, "1,4,9"),
        new(SubmissionStatus.Succeeded, Stdout: "caught FormatException\n"),
        new(SubmissionStatus.Failed, ErrorName: "InvalidOperationException", ErrorValue: "uncaught in cell 14"),
        new(SubmissionStatus.Succeeded, "21"),
        new(SubmissionStatus.Succeeded, "4"),
        new(SubmissionStatus.Succeeded, "1:4 2:3 0:3"),
        new(SubmissionStatus.Succeeded, "012", Stderr: "warning: low coffee\n"),
        new(SubmissionStatus.Succeeded, "[ 1, 2, 3 ]"),
        new(SubmissionStatus.Failed, Stdout: "total=55\n", ErrorName: "DivideByZeroException", ErrorValue: "Attempted to divide by zero."),
    ];

    [Fact]
    public async Task OrdinaryCSharpNotebook_EveryCell_ProducesExpectedOutputs()
    {
        var notebook = NotebookFile.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ordinary-csharp.dib"));
        var sources = notebook.Cells.Where(c => c.IsCode).Select(c => c.Source).ToList();
        sources.Count.ShouldBe(Cells.Length);

        await using var kernel = new CSharpKernel();
        for (var i = 0; i < sources.Count; i++)
        {
            var expected = Cells[i];
            var actual = await kernel.RunAsync(sources[i]);
            var label = $"cell {i + 1}: {actual.Error?.Name} {actual.Error?.Value}";
            actual.Status.ShouldBe(expected.Status, label);
            actual.Result.ExecutionCount.ShouldBe(i + 1, label);
            actual.ReturnText.ShouldBe(expected.Result, label);
            actual.Stdout.ShouldBe(expected.Stdout, label);
            actual.Stderr.ShouldBe(expected.Stderr, label);
            actual.Displays.ShouldBeEmpty(label);
            actual.Error?.Name.ShouldBe(expected.ErrorName, label);
            actual.Error?.Value.ShouldBe(expected.ErrorValue, label);
            (actual.Error is null).ShouldBe(expected.ErrorName is null, label);
        }
    }
}
