namespace Kiln.Metrics.Tests.Golden;

/// <summary>Calls the string overloads of <see cref="ClassificationMetrics"/> with a golden case's arguments.</summary>
public sealed class StringLabels : LabelCalls
{
    private readonly string[] _true;
    private readonly string[] _pred;
    private readonly string[]? _labels;
    private readonly string? _pos;

    public StringLabels(GoldenCase c)
        : base(c)
    {
        _true = c.Strings("y_true");
        _pred = c.Strings("y_pred");
        _labels = c.Args["labels"] is null ? null : c.Strings("labels");
        _pos = c.Args["pos_label"]?.GetValue<string>();
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
