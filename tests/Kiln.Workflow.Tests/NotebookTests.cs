using Kiln.Notebooks;

namespace Kiln.Workflow.Tests;

/// <summary>One test case per workflow notebook: it must run to the end without errors through <c>kiln run</c>.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class NotebookTests(WorkflowRun run)
{
    public static TheoryData<string> Notebooks => new(WorkflowRun.NotebookNames());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_RunsToTheEnd_WithoutErrors(string name)
    {
        var result = run.Results[name];

        result.Status.ShouldBe(NotebookStatus.Passed, $"{name}: {result.Message}");
        var executed = NotebookFile.Load(result.OutputPath!);
        executed.Cells.Where(c => c.IsCode).SelectMany(c => c.Outputs).OfType<ErrorOutput>().ShouldBeEmpty();
    }
}
