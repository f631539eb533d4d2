namespace Kiln.Metrics.Tests;

/// <summary>Bad input throws an ArgumentException whose message names the problem (scikit-learn raises ValueError here).</summary>
public sealed class InputValidationTests
{
    [Fact]
    public void Accuracy_MismatchedLengths_NamesBothLengths()
    {
        var ex = Should.Throw<ArgumentException>(() => ClassificationMetrics.Accuracy([1, 0, 1], [1, 0]));

        ex.Message.ShouldContain("yTrue has 3 samples");
        ex.Message.ShouldContain("yPred has 2");
        ex.ParamName.ShouldBe("yPred");
    }

    [Fact]
    public void F1_SampleWeightLengthDiffers_NamesSampleWeight()
    {
        var ex = Should.Throw<ArgumentException>(() => ClassificationMetrics.F1([1, 0], [1, 1], sampleWeight: new double[] { 1 }));

        ex.ParamName.ShouldBe("sampleWeight");
        ex.Message.ShouldContain("sampleWeight has 1");
    }

    [Fact]
    public void F1_MulticlassWithBinaryAverage_SuggestsOtherAverages()
    {
        var ex = Should.Throw<ArgumentException>(() => ClassificationMetrics.F1([0, 1, 2], [0, 1, 1]));

        ex.Message.ShouldContain("multiclass");
        ex.Message.ShouldContain("Average.Macro");
    }

    [Fact]
    public void F1_StringLabelsBinaryWithoutPosLabel_AsksForPosLabel()
    {
        var ex = Should.Throw<ArgumentException>(() => ClassificationMetrics.F1(["spam", "ham"], ["spam", "spam"]));

        ex.ParamName.ShouldBe("posLabel");
    }

    [Fact]
    public void F1_PosLabelNotPresent_ListsValidLabels()
    {
        var ex = Should.Throw<ArgumentException>(() => ClassificationMetrics.F1([0, 2], [2, 2]));

        ex.Message.ShouldContain("posLabel=1 is not a valid label");
        ex.Message.ShouldContain("[0, 2]");
    }

    [Fact]
    public void Accuracy_WeightsSumToZero_Throws()
    {
        var ex = Should.Throw<ArgumentException>(() => ClassificationMetrics.Accuracy([1, 0], [1, 1], sampleWeight: new double[] { 0, 0 }));

        ex.Message.ShouldContain("sum to zero");
    }

    [Fact]
    public void Accuracy_EmptyInput_IsNaNWithRuntimeWarning()
    {
        using var scope = MetricWarnings.Capture();

        double.IsNaN(ClassificationMetrics.Accuracy(ReadOnlySpan<int>.Empty, ReadOnlySpan<int>.Empty)).ShouldBeTrue();
        scope.Warnings.ShouldContain(new MetricWarning(MetricWarning.Runtime, "Mean of empty slice."));
    }

    [Fact]
    public void ConfusionMatrix_LabelsNotInTruth_Throws()
    {
        var ex = Should.Throw<ArgumentException>(() => ClassificationMetrics.ConfusionMatrix([0, 1], [0, 1], labels: [5, 6]));

        ex.Message.ShouldContain("[5, 6]");
    }

    [Fact]
    public void RocAuc_NaNScore_NamesTheIndex()
    {
        var ex = Should.Throw<ArgumentException>(() => RankingMetrics.RocAuc([0, 1, 1], [0.1, double.NaN, 0.3]));

        ex.Message.ShouldContain("yScore[1] is NaN");
    }

    [Fact]
    public void RocAuc_MismatchedLengths_NamesBothLengths()
    {
        var ex = Should.Throw<ArgumentException>(() => RankingMetrics.RocAuc([0, 1, 1], [0.1, 0.3]));

        ex.Message.ShouldContain("yTrue has 3 samples but yScore has 2");
    }

    [Fact]
    public void RocAuc_MaxFprOutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => RankingMetrics.RocAuc([0, 1], [0.1, 0.3], maxFpr: 1.5)).ParamName.ShouldBe("maxFpr");
    }

    [Fact]
    public void RocAucOneVsRest_RowsNotProbabilities_SaysSoftmax()
    {
        var ex = Should.Throw<ArgumentException>(() => RankingMetrics.RocAucOneVsRest([0, 1, 2], new double[,] { { 1, 2, 3 }, { 0.2, 0.3, 0.5 }, { 0.1, 0.1, 0.8 } }));

        ex.Message.ShouldContain("Row 0");
        ex.Message.ShouldContain("softmax");
    }

    [Fact]
    public void RocCurve_MulticlassWithoutPosLabel_AsksForPosLabel()
    {
        var ex = Should.Throw<ArgumentException>(() => RankingMetrics.RocCurve([0, 1, 2], [0.1, 0.5, 0.9]));

        ex.ParamName.ShouldBe("posLabel");
    }

    [Fact]
    public void LogLoss_SingleLabelWithoutLabels_AsksForLabels()
    {
        var ex = Should.Throw<ArgumentException>(() => ProbabilityMetrics.LogLoss([1, 1], [0.9, 0.8]));

        ex.Message.ShouldContain("only one label (1)");
        ex.ParamName.ShouldBe("labels");
    }

    [Fact]
    public void LogLoss_ColumnsDoNotMatchClasses_Throws()
    {
        var ex = Should.Throw<ArgumentException>(() => ProbabilityMetrics.LogLoss([0, 1, 1], new double[,] { { 0.2, 0.3, 0.5 }, { 0.2, 0.3, 0.5 }, { 0.2, 0.3, 0.5 } }));

        ex.Message.ShouldContain("3 columns");
    }

    [Fact]
    public void MeanAbsoluteError_Empty_Throws()
    {
        var ex = Should.Throw<ArgumentException>(() => RegressionMetrics.MeanAbsoluteError(Array.Empty<double>(), Array.Empty<double>()));

        ex.Message.ShouldContain("yTrue is empty");
    }

    [Fact]
    public void R2_InfinitePrediction_NamesTheIndex()
    {
        var ex = Should.Throw<ArgumentException>(() => RegressionMetrics.R2([1, 2, 3], [1, double.PositiveInfinity, 3]));

        ex.Message.ShouldContain("yPred[1]");
    }
}
