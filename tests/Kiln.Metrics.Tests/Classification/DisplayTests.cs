using Kiln.Display;

namespace Kiln.Metrics.Tests.Classification;

/// <summary>Metric results render in notebooks as HTML tables with a plain-text fallback.</summary>
public sealed class DisplayTests
{
    [Fact]
    public void ConfusionMatrix_ToMimeBundle_HtmlTableWithLabels()
    {
        var cm = ClassificationMetrics.ConfusionMatrix(["cat", "ant", "cat", "cat", "ant", "bird"], ["ant", "ant", "cat", "cat", "ant", "cat"]);

        var bundle = cm.ToMimeBundle();

        cm.Labels.ShouldBe(["ant", "bird", "cat"]);
        var html = bundle.GetText(MimeTypes.Html)!;
        html.ShouldContain("<th>ant</th><th>bird</th><th>cat</th>");
        html.ShouldContain("<tr><th>cat</th><td>1</td><td>0</td><td>2</td></tr>");
        bundle.GetText(MimeTypes.PlainText).ShouldBe(cm.ToString());
        DisplaySession.PlainText(cm).ShouldContain("actual \\ predicted");
    }

    [Fact]
    public void ConfusionMatrix_ToArray_ReturnsCopy()
    {
        var cm = ClassificationMetrics.ConfusionMatrix([0, 1, 1], [0, 1, 0]);

        var copy = cm.ToArray();
        copy[0, 0] = 42;

        cm[0, 0].ShouldBe(1);
        cm[1, 0].ShouldBe(1);
    }

    [Fact]
    public void ClassScores_ToMimeBundle_HasRowPerClass()
    {
        var scores = ClassificationMetrics.PrecisionRecallFScoreSupport([0, 1, 2, 2], [0, 2, 2, 2]);

        var html = scores.ToMimeBundle().GetText(MimeTypes.Html)!;

        html.Split("<tr>").Length.ShouldBe(5);
        scores.ToMimeBundle().Contains(MimeTypes.PlainText).ShouldBeTrue();
    }

    [Fact]
    public void RocCurve_ToMimeBundle_SummarizesArea()
    {
        var roc = RankingMetrics.RocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);

        roc.ToMimeBundle().GetText(MimeTypes.PlainText).ShouldBe("RocCurve: 5 points, AUC = 0.75");
        roc.Area.ShouldBe(RankingMetrics.RocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]));
    }
}
