using Kiln.Metrics.Tests.Golden;

namespace Kiln.Metrics.Tests.Probability;

/// <summary>Log loss and top-k accuracy against scikit-learn (Fixtures/probabilistic.json).</summary>
public sealed class ProbabilityGoldenTests
{
    private const string File = "probabilistic.json";

    [Fact]
    public void LogLoss_GoldenCases_MatchScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, "log_loss"))
        {
            var labels = c.Args["labels"] is null ? null : c.Ints("labels");
            var normalize = c.Args["normalize"]!.GetValue<bool>();
            expect.Run(c, scope =>
            {
                var actual = c.Is2D("y_pred")
                    ? ProbabilityMetrics.LogLoss(c.Ints("y_true"), c.Matrix("y_pred"), labels, normalize, c.Weights())
                    : ProbabilityMetrics.LogLoss(c.Ints("y_true"), c.Doubles("y_pred"), labels, normalize, c.Weights());
                expect.Value(c, Json.Double(c.Result), actual);
                expect.Warnings(c, scope.Warnings);
            });
        }

        expect.AssertAll(200);
    }

    [Fact]
    public void TopKAccuracy_GoldenCases_MatchScikitLearn()
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load(File, "top_k_accuracy"))
        {
            var labels = c.Args["labels"] is null ? null : c.Ints("labels");
            expect.Run(c, scope =>
            {
                var k = c.Args["k"]!.GetValue<int>();
                var normalize = c.Args["normalize"]!.GetValue<bool>();
                var actual = c.Is2D("y_score") || c.Args["y_score"]!.AsArray().Count == 0
                    ? ProbabilityMetrics.TopKAccuracy(c.Ints("y_true"), c.Matrix("y_score"), k, labels, normalize, c.Weights())
                    : ProbabilityMetrics.TopKAccuracy(c.Ints("y_true"), c.Doubles("y_score"), k, labels, normalize, c.Weights());
                expect.Value(c, Json.Double(c.Result), actual);
                expect.Warnings(c, scope.Warnings);
            });
        }

        expect.AssertAll(200);
    }
}
