using System.Globalization;
using System.Text.RegularExpressions;
using Kiln.Notebooks;

namespace Kiln.Workflow.Tests;

/// <summary>The workflow's quality bar, read from the figures the evaluate notebook prints in its summary cell.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class AcceptanceTests(WorkflowRun run)
{
    [Fact]
    public void Evaluate_BreastCancerModel_ReachesF1AndRecallOf095ForMalignant()
    {
        var summary = SummaryText("03-evaluate.ipynb");

        Figure(summary, @"test F1 \(malignant\) ([0-9.]+)").ShouldBeGreaterThanOrEqualTo(0.95, summary);
        Figure(summary, @"test F1 \(malignant\) [0-9.]+, recall ([0-9.]+)").ShouldBeGreaterThanOrEqualTo(0.95, summary);
    }

    [Fact]
    public void Evaluate_DigitsCnn_ReachesAccuracyOf097()
    {
        var summary = SummaryText("03-evaluate.ipynb");

        Figure(summary, @"digits CNN test accuracy ([0-9.]+)").ShouldBeGreaterThanOrEqualTo(0.97, summary);
    }

    private string SummaryText(string notebook)
    {
        var result = run.Results[notebook];
        result.OutputPath.ShouldNotBeNull(result.Message);
        return string.Concat(NotebookFile.Load(result.OutputPath).Cells
            .Where(c => c.Metadata["tags"]?.AsArray().Any(t => t?.GetValue<string>() == "summary") == true)
            .SelectMany(c => c.Outputs).OfType<StreamOutput>().Select(o => o.Text));
    }

    private static double Figure(string text, string pattern)
    {
        var match = Regex.Match(text, pattern);
        match.Success.ShouldBeTrue($"'{pattern}' not found in: {text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
