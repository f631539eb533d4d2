namespace Kiln.Metrics.Tests.Warnings;

/// <summary>How warnings reach the caller: capture scopes, nesting and the Raised event.</summary>
[Collection(nameof(MetricWarningsTests))]
public sealed class MetricWarningsTests
{
    private const string RecallWarning =
        "Recall is ill-defined and being set to 0.0 due to no true samples. Use `zero_division` parameter to control this behavior.";

    [Fact]
    public void Capture_IllDefinedRecall_CollectsScikitLearnMessage()
    {
        using var scope = MetricWarnings.Capture();

        ClassificationMetrics.Recall([0, 0], [0, 1]).ShouldBe(0.0);

        scope.Warnings.ShouldBe([new MetricWarning(MetricWarning.UndefinedMetric, RecallWarning)]);
    }

    [Fact]
    public void Capture_Nested_InnermostCollectsAndOuterResumes()
    {
        using var outer = MetricWarnings.Capture();
        using (var inner = MetricWarnings.Capture())
        {
            ClassificationMetrics.Recall([0, 0], [0, 1]);
            inner.Warnings.Count.ShouldBe(1);
        }

        ClassificationMetrics.Recall([0, 0], [0, 1]);
        outer.Warnings.Count.ShouldBe(1);
    }

    [Fact]
    public void Raised_NoScope_ReceivesWarning()
    {
        var received = new List<MetricWarning>();
        void Handler(object? sender, MetricWarning w) => received.Add(w);
        MetricWarnings.Raised += Handler;
        try
        {
            ClassificationMetrics.Recall([0, 0], [0, 1]);
        }
        finally
        {
            MetricWarnings.Raised -= Handler;
        }

        received.ShouldContain(new MetricWarning(MetricWarning.UndefinedMetric, RecallWarning));
    }

    [Fact]
    public void RocAuc_SingleClass_IsNaNWithWarningNotException()
    {
        using var scope = MetricWarnings.Capture();

        var auc = RankingMetrics.RocAuc([1, 1, 1], [0.2, 0.5, 0.7]);

        double.IsNaN(auc).ShouldBeTrue();
        scope.Warnings.Single().Message.ShouldBe("Only one class present in y_true. ROC AUC score is not defined in that case.");
    }

    [Fact]
    public void ToString_Warning_PrintsAsPython()
    {
        new MetricWarning(MetricWarning.User, "y_pred contains classes not in y_true").ToString()
            .ShouldBe("UserWarning: y_pred contains classes not in y_true");
    }
}
