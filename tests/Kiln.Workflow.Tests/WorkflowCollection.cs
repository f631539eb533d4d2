namespace Kiln.Workflow.Tests;

/// <summary>Shares one <see cref="WorkflowRun"/> (the notebooks run once) between all workflow test classes.</summary>
[CollectionDefinition(Name)]
public sealed class WorkflowCollection : ICollectionFixture<WorkflowRun>
{
    public const string Name = "workflow";
}
