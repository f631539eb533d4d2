namespace Kiln.Metrics.Tests.Golden;

/// <summary>Calls the long overloads of <see cref="ClassificationMetrics"/> with a golden case's arguments.</summary>
public sealed class LongLabels : LabelCalls
{
    private readonly long[] _true;
    private readonly long[] _pred;
    private readonly long[]? _labels;
    private readonly long _pos;

    public LongLabels(GoldenCase c)
        : base(c)
    {
        _true = c.Longs("y_true");
        _pred = c.Longs("y_pred");
        _labels = c.Args["labels"] is null ? null : c.Longs("labels");
        _pos = c.Args["pos_label"] is null ? 1 : c.Args["pos_label"]!.GetValue<long>();
    }

    public override double Accuracy(bool normalize) => ClassificationMetrics.Accuracy(_true, _pred, normalize, W);

    public override double BalancedAccuracy(bool adjusted) => ClassificationMetrics.BalancedAccuracy(_true, _pred, adjusted, W);

    public override double Precision(Average average, ZeroDivision zd) => ClassificationMetrics.Precision(_true, _pred, average, _pos, _labels, W, zd);

    public override double Recall(Average average, ZeroDivision zd) => ClassificationMetrics.Recall(_true, _pred, average, _pos, _labels, W, zd);

    public override double F1(Average average, ZeroDivision zd) => ClassificationMetrics.F1(_true, _pred, average, _pos, _labels, W, zd);

    public override double FBeta(double beta, Average average, ZeroDivision zd) => ClassificationMetrics.FBeta(_true, _pred, beta, average, _pos, _labels, W, zd);

    public override ClassScores PerClass(double beta, ZeroDivision zd) => ClassificationMetrics.PrecisionRecallFScoreSupport(_true, _pred, beta, _labels, W, zd);

    public override PrecisionRecallFScore Averaged(Average average, double beta, ZeroDivision zd) =>
        ClassificationMetrics.PrecisionRecallFScoreAverage(_true, _pred, average, beta, _pos, _labels, W, zd);

    public override double Jaccard(Average average, ZeroDivision zd) => ClassificationMetrics.Jaccard(_true, _pred, average, _pos, _labels, W, zd);

    public override ConfusionMatrix Confusion(ConfusionMatrixNormalization normalize) => ClassificationMetrics.ConfusionMatrix(_true, _pred, _labels, W, normalize);

    public override double Matthews() => ClassificationMetrics.MatthewsCorrCoef(_true, _pred, W);

    public override double Kappa(KappaWeighting weights) => ClassificationMetrics.CohenKappa(_true, _pred, _labels, weights, W);

    public override double Hamming() => ClassificationMetrics.HammingLoss(_true, _pred, W);

    public override ClassificationReport Report(IReadOnlyList<string>? names, int digits, ZeroDivision zd) =>
        ClassificationMetrics.ClassificationReport(_true, _pred, _labels, names, W, digits, zd);
}
