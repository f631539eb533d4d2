using Kiln.Metrics.Tests.Golden;

namespace Kiln.Metrics.Tests.Ranking;

/// <summary>Threshold helpers checked against the documented rules applied to scikit-learn's precision-recall curves.</summary>
public sealed class ThresholdSelectionTests
{
    public static TheoryData<double> Targets => [0.0, 0.3, 0.5, 0.8, 1.0];

    [Theory]
    [MemberData(nameof(Targets))]
    public void ThresholdForRecall_GoldenCurves_HighestThresholdReachingRecall(double target)
    {
        foreach (var (c, p, r, t) in Curves())
        {
            var expected = Enumerable.Range(0, t.Length).Where(i => r[i] >= target).DefaultIfEmpty(0).Max();
            var point = ThresholdSelection.ThresholdForRecall(c.Ints("y_true"), c.Doubles("y_score"), target, RankingGoldenTests.PosLabel(c), c.Weights());
            point.Threshold.ShouldBe(t[expected], c.ToString());
            point.Recall.ShouldBe(r[expected], 1e-12, c.ToString());
            point.Precision.ShouldBe(p[expected], 1e-12, c.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void ThresholdForPrecision_GoldenCurves_LowestThresholdReachingPrecision(double target)
    {
        foreach (var (c, p, _, t) in Curves())
        {
            var matches = Enumerable.Range(0, t.Length).Where(i => p[i] >= target).ToList();
            var point = ThresholdSelection.ThresholdForPrecision(c.Ints("y_true"), c.Doubles("y_score"), target, RankingGoldenTests.PosLabel(c), c.Weights());
            if (matches.Count == 0)
            {
                point.ShouldBeNull(c.ToString());
            }
            else
            {
                point!.Value.Threshold.ShouldBe(t[matches.Min()], c.ToString());
            }
        }
    }

    [Fact]
    public void BestF1Threshold_GoldenCurves_MaximizesF1AtHighestTiedThreshold()
    {
        var count = 0;
        foreach (var (c, p, r, t) in Curves())
        {
            var f1 = Enumerable.Range(0, t.Length).Select(i => p[i] + r[i] == 0 ? 0 : 2 * p[i] * r[i] / (p[i] + r[i])).ToArray();
            var best = f1.Max();
            var expected = Enumerable.Range(0, t.Length).Last(i => f1[i] >= best - 1e-12);
            var point = ThresholdSelection.BestF1Threshold(c.Ints("y_true"), c.Doubles("y_score"), RankingGoldenTests.PosLabel(c), c.Weights());
            point.FScore.ShouldBe(best, 1e-12, c.ToString());
            point.Threshold.ShouldBe(t[expected], c.ToString());
            count++;
        }

        count.ShouldBeGreaterThan(150);
    }

    [Fact]
    public void ThresholdForRecall_TargetOutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ThresholdSelection.ThresholdForRecall([0, 1], [0.2, 0.8], 1.5)).ParamName.ShouldBe("minRecall");
    }

    private static IEnumerable<(GoldenCase Case, double[] Precision, double[] Recall, double[] Thresholds)> Curves()
    {
        foreach (var c in GoldenCase.Load("ranking.json", "precision_recall_curve").Where(c => c.Error is null))
        {
            var r = c.Result!.AsArray();
            yield return (c, Json.Doubles(r[0]), Json.Doubles(r[1]), Json.Doubles(r[2]));
        }
    }
}
