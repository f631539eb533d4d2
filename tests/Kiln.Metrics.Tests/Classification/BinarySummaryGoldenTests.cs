using Kiln.Display;
using Kiln.Metrics.Tests.Golden;

namespace Kiln.Metrics.Tests.Classification;

/// <summary>EvaluateBinary against the same numbers computed with scikit-learn's metrics (Fixtures/ranking.json).</summary>
public sealed class BinarySummaryGoldenTests
{
    [Fact]
    public void EvaluateBinary_GoldenCases_MatchScikitLearnMetrics()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load("ranking.json", "binary_summary"))
        {
            expect.Run(c, _ =>
            {
                var s = ClassificationMetrics.EvaluateBinary(c.Ints("y_true"), c.Doubles("y_score"), c.Args["threshold"]!.GetValue<double>(), c.Weights());
                var r = c.Result!.AsArray();
                double[] actual =
                [
                    s.Accuracy, s.PositivePrecision, s.PositiveRecall, s.F1Score, s.NegativePrecision, s.NegativeRecall,
                    s.AreaUnderPrecisionRecallCurve, s.LogLoss,
                ];
                expect.Values(c, Enumerable.Range(0, 8).Select(i => Json.Double(r[i])).ToArray(), actual, "metrics");
                var cm = r[8]!.AsArray();
                expect.Values(c, [.. Json.Doubles(cm[0]), .. Json.Doubles(cm[1])], [s.ConfusionMatrix[0, 0], s.ConfusionMatrix[0, 1], s.ConfusionMatrix[1, 0], s.ConfusionMatrix[1, 1]], "confusion");
                expect.Value(c, Json.Double(r[9]), s.AreaUnderRocCurve, "auc");
            });
        }

        expect.AssertAll(200);
    }

    [Fact]
    public void ToMimeBundle_Summary_ShowsMetricsAndConfusionMatrix()
    {
        var s = ClassificationMetrics.EvaluateBinary([0, 1, 1, 0], [0.2, 0.9, 0.4, 0.6]);

        var html = s.ToMimeBundle().GetText(MimeTypes.Html)!;

        html.ShouldContain("Area under ROC curve");
        html.ShouldContain("Confusion matrix");
        s.ToString().ShouldContain("Log loss");
    }

    [Fact]
    public void EvaluateBinary_LabelsOutsideZeroOne_Throws()
    {
        var ex = Should.Throw<ArgumentException>(() => ClassificationMetrics.EvaluateBinary([1, 2], [0.2, 0.9]));

        ex.Message.ShouldContain("yTrue[1] is 2");
    }
}
