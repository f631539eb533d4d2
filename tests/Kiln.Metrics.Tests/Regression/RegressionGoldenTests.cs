using Kiln.Metrics.Tests.Golden;

namespace Kiln.Metrics.Tests.Regression;

/// <summary>Regression metrics against scikit-learn (Fixtures/regression.json), including constant targets and weights.</summary>
public sealed class RegressionGoldenTests
{
    [Theory]
    [InlineData("mae")]
    [InlineData("mse")]
    [InlineData("rmse")]
    [InlineData("r2")]
    [InlineData("explained_variance")]
    [InlineData("mape")]
    [InlineData("median_ae")]
    [InlineData("max_error")]
    public void Metric_GoldenCases_MatchScikitLearn(string fn)
    {
        var expect = new Expect();
        foreach (var c in GoldenCase.Load("regression.json", fn))
        {
            var forceFinite = c.Args["force_finite"]!.GetValue<bool>();
            expect.Run(c, scope =>
            {
                var t = c.Doubles("y_true");
                var p = c.Doubles("y_pred");
                var w = c.Weights();
                var actual = fn switch
                {
                    "mae" => RegressionMetrics.MeanAbsoluteError(t, p, w),
                    "mse" => RegressionMetrics.MeanSquaredError(t, p, w),
                    "rmse" => RegressionMetrics.RootMeanSquaredError(t, p, w),
                    "r2" => RegressionMetrics.R2(t, p, w, forceFinite),
                    "explained_variance" => RegressionMetrics.ExplainedVariance(t, p, w, forceFinite),
                    "mape" => RegressionMetrics.MeanAbsolutePercentageError(t, p, w),
                    "median_ae" => RegressionMetrics.MedianAbsoluteError(t, p),
                    _ => RegressionMetrics.MaxError(t, p),
                };
                expect.Value(c, Json.Double(c.Result), actual);
                expect.Warnings(c, scope.Warnings);
            });
        }

        expect.AssertAll(200);
    }

    [Fact]
    public void SinglePrecisionOverloads_WidenExactly_SameAsDoubleOverloads()
    {
        float[] t = [1.5f, -2.25f, 3.1f, 0.7f];
        float[] p = [1.0f, -2.0f, 2.9f, 1.1f];
        var td = t.Select(x => (double)x).ToArray();
        var pd = p.Select(x => (double)x).ToArray();

        RegressionMetrics.MeanAbsoluteError(t, p).ShouldBe(RegressionMetrics.MeanAbsoluteError(td, pd));
        RegressionMetrics.MeanSquaredError(t, p).ShouldBe(RegressionMetrics.MeanSquaredError(td, pd));
        RegressionMetrics.RootMeanSquaredError(t, p).ShouldBe(RegressionMetrics.RootMeanSquaredError(td, pd));
        RegressionMetrics.R2(t, p).ShouldBe(RegressionMetrics.R2(td, pd));
    }
}
