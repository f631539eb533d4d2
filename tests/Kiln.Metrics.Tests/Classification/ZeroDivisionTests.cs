namespace Kiln.Metrics.Tests.Classification;

/// <summary>ZeroDivision.NaN, which the installed scikit-learn (1.2) predates: checked against its 1.3+ documentation.</summary>
public sealed class ZeroDivisionTests
{
    // scikit-learn 1.3+ precision_score docstring: y_true = [0, 1, 2, 0, 1, 2], y_pred all 0 gives
    // average=None -> [0.33..., 0, 0]; zero_division=1 -> [0.33..., 1, 1]; zero_division=np.nan -> [0.33..., nan, nan].
    private static readonly int[] True = [0, 1, 2, 0, 1, 2];
    private static readonly int[] AllZero = [0, 0, 0, 0, 0, 0];

    [Fact]
    public void PrecisionRecallFScoreSupport_NaN_MarksIllDefinedClassesAsNaN()
    {
        var scores = ClassificationMetrics.PrecisionRecallFScoreSupport(True, AllZero, zeroDivision: ZeroDivision.NaN);

        scores.Precision[0].ShouldBe(1.0 / 3.0);
        double.IsNaN(scores.Precision[1]).ShouldBeTrue();
        double.IsNaN(scores.Precision[2]).ShouldBeTrue();
        scores.Recall.ShouldBe([1.0, 0.0, 0.0]);
    }

    [Fact]
    public void Precision_NaNMacro_LeavesNaNComponentsOutOfTheMean()
    {
        using var scope = MetricWarnings.Capture();

        var macro = ClassificationMetrics.Precision(True, AllZero, Average.Macro, zeroDivision: ZeroDivision.NaN);

        macro.ShouldBe(1.0 / 3.0);
        scope.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Precision_NaNBinaryWithNoPredictedPositive_IsNaN()
    {
        using var scope = MetricWarnings.Capture();

        double.IsNaN(ClassificationMetrics.Precision([0, 1, 1], [0, 0, 0], zeroDivision: ZeroDivision.NaN)).ShouldBeTrue();
        scope.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Precision_WarnAndOne_MatchDocumentedValues()
    {
        using var scope = MetricWarnings.Capture();

        ClassificationMetrics.PrecisionRecallFScoreSupport(True, AllZero, zeroDivision: ZeroDivision.One).Precision.ShouldBe([1.0 / 3.0, 1.0, 1.0]);
        ClassificationMetrics.PrecisionRecallFScoreSupport(True, AllZero).Precision.ShouldBe([1.0 / 3.0, 0.0, 0.0]);
        scope.Warnings.ShouldContain(w => w.Category == MetricWarning.UndefinedMetric);
    }
}
