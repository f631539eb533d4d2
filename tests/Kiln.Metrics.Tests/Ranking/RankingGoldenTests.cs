using Kiln.Metrics.Tests.Golden;

namespace Kiln.Metrics.Tests.Ranking;

/// <summary>Curves, ROC AUC and average precision against scikit-learn (Fixtures/ranking.json).</summary>
public sealed class RankingGoldenTests
{
    private const string File = "ranking.json";
    private const string SingleClassAuc = "ValueError: Only one class present in y_true. ROC AUC score is not defined in that case.";

    [Fact]
    public void RocCurve_GoldenCases_MatchScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, "roc_curve"))
        {
            expect.Run(c, scope =>
            {
                var curve = RankingMetrics.RocCurve(c.Ints("y_true"), c.Doubles("y_score"), PosLabel(c), c.Weights(), c.Args["drop_intermediate"]!.GetValue<bool>());
                var r = c.Result!.AsArray();
                expect.Values(c, Json.Doubles(r[0]), curve.FalsePositiveRate, "fpr");
                expect.Values(c, Json.Doubles(r[1]), curve.TruePositiveRate, "tpr");
                expect.Values(c, Json.Doubles(r[2]), curve.Thresholds, "thresholds");
                expect.Warnings(c, scope.Warnings);
            });
        }

        expect.AssertAll(200);
    }

    [Fact]
    public void RocCurve_FloatScores_MatchDoubleScores()
    {
        float[] scores = [0.1f, 0.4f, 0.35f, 0.8f];
        var fromFloat = RankingMetrics.RocCurve([0, 0, 1, 1], scores);
        var fromDouble = RankingMetrics.RocCurve([0, 0, 1, 1], scores.Select(s => (double)s).ToArray());

        fromFloat.Thresholds.ShouldBe(fromDouble.Thresholds);
        fromFloat.TruePositiveRate.ShouldBe(fromDouble.TruePositiveRate);
    }

    [Fact]
    public void PrecisionRecallCurve_GoldenCases_MatchScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, "precision_recall_curve"))
        {
            expect.Run(c, scope =>
            {
                var curve = RankingMetrics.PrecisionRecallCurve(c.Ints("y_true"), c.Doubles("y_score"), PosLabel(c), c.Weights());
                var r = c.Result!.AsArray();
                expect.Values(c, Json.Doubles(r[0]), curve.Precision, "precision");
                expect.Values(c, Json.Doubles(r[1]), curve.Recall, "recall");
                expect.Values(c, Json.Doubles(r[2]), curve.Thresholds, "thresholds");
                expect.Warnings(c, scope.Warnings);
            });
        }

        expect.AssertAll(200);
    }

    [Fact]
    public void AveragePrecision_GoldenCases_MatchScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, "average_precision"))
        {
            expect.Run(c, scope =>
            {
                var actual = RankingMetrics.AveragePrecision(c.Ints("y_true"), c.Doubles("y_score"), c.Args["pos_label"]!.GetValue<int>(), c.Weights());
                expect.Value(c, Json.Double(c.Result), actual);
                expect.Warnings(c, scope.Warnings);
            });
        }

        expect.AssertAll(200);
    }

    [Fact]
    public void RocAuc_GoldenCases_MatchScikitLearnAndSingleClassIsNaNWithWarning()
    {
        var expect = new Expect();
        var singleClass = 0;
        foreach (var c in GoldenCase.Load(File, "roc_auc"))
        {
            var maxFpr = c.Args["max_fpr"]?.GetValue<double>();
            if (c.Error == SingleClassAuc)
            {
                singleClass++;
                CheckSingleClass(expect, c, () => RankingMetrics.RocAuc(c.Ints("y_true"), c.Doubles("y_score"), c.Weights(), maxFpr));
                continue;
            }

            if (c.Error is { } error && error.StartsWith("ValueError: At least 2 points are needed", StringComparison.Ordinal))
            {
                // Zero weights removed every negative: scikit-learn's partial AUC fails on a one-point curve, Kiln
                // returns NaN with the same 'No negative samples' warning as the full AUC (which is NaN in both).
                using var scope = MetricWarnings.Capture();
                double.IsNaN(RankingMetrics.RocAuc(c.Ints("y_true"), c.Doubles("y_score"), c.Weights(), maxFpr)).ShouldBeTrue(c.ToString());
                scope.Warnings.Select(w => w.ToString()).ShouldBe(c.MetricWarnings.Select(w => $"{w.Category}: {w.Message}"));
                continue;
            }

            expect.Run(c, scope =>
            {
                var actual = RankingMetrics.RocAuc(c.Ints("y_true"), c.Doubles("y_score"), c.Weights(), maxFpr);
                expect.Value(c, Json.Double(c.Result), actual);
                expect.Warnings(c, scope.Warnings);
            });
        }

        singleClass.ShouldBeGreaterThan(5);
        expect.AssertAll(180);
    }

    [Fact]
    public void RocAucOneVsRest_GoldenCases_MatchScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, "roc_auc_ovr"))
        {
            var average = c.Args["average"]!.GetValue<string>() == "macro" ? Average.Macro : Average.Weighted;
            var labels = c.Args["labels"] is null ? null : c.Ints("labels");
            if (c.Error == SingleClassAuc)
            {
                CheckSingleClass(expect, c, () => RankingMetrics.RocAucOneVsRest(c.Ints("y_true"), c.Matrix("y_score"), average, labels, c.Weights()));
                continue;
            }

            expect.Run(c, scope =>
            {
                var actual = RankingMetrics.RocAucOneVsRest(c.Ints("y_true"), c.Matrix("y_score"), average, labels, c.Weights());
                expect.Value(c, Json.Double(c.Result), actual);
                expect.Warnings(c, scope.Warnings);
            });
        }

        expect.AssertAll(200);
    }

    internal static int? PosLabel(GoldenCase c) => c.Args["pos_label"]?.GetValue<int>();

    /// <summary>scikit-learn 1.2 raised here; Kiln returns NaN with the same message as a warning (scikit-learn 1.6+ behaviour).</summary>
    private static void CheckSingleClass(Expect expect, GoldenCase c, Func<double> call)
    {
        using var scope = MetricWarnings.Capture();
        var value = call();
        if (!double.IsNaN(value) && c.Fn == "roc_auc")
        {
            expect.Fail(c, $"single-class ROC AUC should be NaN, got {value}");
        }

        if (!scope.Warnings.Any(w => w.Message == "Only one class present in y_true. ROC AUC score is not defined in that case."))
        {
            expect.Fail(c, "single-class ROC AUC should warn");
        }
    }
}
