namespace Kiln.Metrics.Tests;

/// <summary>Random, often degenerate input never crashes a metric: it returns a number or throws an ArgumentException.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void AllMetrics_RandomDegenerateInput_ReturnOrThrowArgumentException()
    {
        var rng = new Random(7);
        var unexpected = new List<string>();
        using var scope = MetricWarnings.Capture();
        for (var round = 0; round < 400; round++)
        {
            var n = rng.Next(0, 6);
            var k = rng.Next(1, 4);
            var t = Enumerable.Range(0, n).Select(_ => rng.Next(0, k)).ToArray();
            var p = Enumerable.Range(0, rng.Next(0, 4) == 0 ? rng.Next(0, 6) : n).Select(_ => rng.Next(0, k + 1)).ToArray();
            var w = rng.Next(0, 3) == 0 ? [] : Enumerable.Range(0, rng.Next(0, 4) == 0 ? rng.Next(0, 6) : n).Select(_ => (double)rng.Next(-1, 3)).ToArray();
            var s = Enumerable.Range(0, n).Select(_ => rng.Next(0, 8) == 0 ? double.NaN : rng.NextDouble() * 3 - 1).ToArray();
            int[]? labels = rng.Next(0, 3) == 0 ? Enumerable.Range(0, rng.Next(0, 4)).Select(_ => rng.Next(-1, k + 2)).ToArray() : null;
            var probs = new double[n, k];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    probs[i, j] = 1.0 / k;
                }
            }

            var average = (Average)rng.Next(0, 4);
            var zd = (ZeroDivision)rng.Next(0, 4);
            Action[] calls =
            [
                () => ClassificationMetrics.Accuracy(t, p, rng.Next(2) == 0, w),
                () => ClassificationMetrics.BalancedAccuracy(t, p, rng.Next(2) == 0, w),
                () => ClassificationMetrics.FBeta(t, p, rng.Next(0, 3), average, rng.Next(0, 3), labels, w, zd),
                () => ClassificationMetrics.PrecisionRecallFScoreSupport(t, p, 1, labels, w, zd),
                () => ClassificationMetrics.Jaccard(t, p, average, 1, labels, w, zd),
                () => ClassificationMetrics.ConfusionMatrix(t, p, labels, w, (ConfusionMatrixNormalization)rng.Next(0, 4)),
                () => ClassificationMetrics.MatthewsCorrCoef(t, p, w),
                () => ClassificationMetrics.CohenKappa(t, p, labels, (KappaWeighting)rng.Next(0, 3), w),
                () => ClassificationMetrics.HammingLoss(t, p, w),
                () => ClassificationMetrics.ClassificationReport(t, p, labels, null, w, rng.Next(0, 4), zd).ToString(),
                () => ClassificationMetrics.EvaluateBinary(t, s.Select(Math.Abs).Select(x => Math.Min(x, 1)).ToArray(), 0.5, w),
                () => RankingMetrics.RocCurve(t, s, null, w, rng.Next(2) == 0),
                () => RankingMetrics.PrecisionRecallCurve(t, s, rng.Next(2) == 0 ? null : 1, w),
                () => RankingMetrics.AveragePrecision(t, s, 1, w),
                () => RankingMetrics.RocAuc(t, s, w, rng.Next(2) == 0 ? null : rng.NextDouble()),
                () => RankingMetrics.RocAucOneVsRest(t, probs, (Average)rng.Next(0, 4), labels, w),
                () => ProbabilityMetrics.LogLoss(t, probs, labels, rng.Next(2) == 0, w),
                () => ProbabilityMetrics.TopKAccuracy(t, probs, rng.Next(0, 4), labels, true, w),
                () => RegressionMetrics.R2(s, s.Reverse().ToArray(), w, rng.Next(2) == 0),
                () => RegressionMetrics.ExplainedVariance(s, s.Reverse().ToArray(), w),
                () => RegressionMetrics.MedianAbsoluteError(s, p.Select(x => (double)x).ToArray()),
                () => ThresholdSelection.BestF1Threshold(t, s, null, w),
            ];
            foreach (var call in calls)
            {
                try
                {
                    call();
                }
                catch (ArgumentException)
                {
                    // The documented outcome for invalid input.
                }
                catch (Exception ex)
                {
                    unexpected.Add($"round {round}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
                }
            }
        }

        unexpected.ShouldBeEmpty(string.Join("\n", unexpected.Take(3)));
    }
}
