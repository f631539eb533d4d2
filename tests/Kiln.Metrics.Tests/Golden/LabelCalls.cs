namespace Kiln.Metrics.Tests.Golden;

/// <summary>The classification metrics called with one label type (int, long or string) and a case's arguments.</summary>
public abstract class LabelCalls(GoldenCase c)
{
    protected double[] W { get; } = c.Weights();

    /// <summary>The overloads that apply: string labels, or both int and long for integer labels.</summary>
    public static IEnumerable<LabelCalls> For(GoldenCase c) =>
        c.HasStringLabels ? [new StringLabels(c)] : [new IntLabels(c), new LongLabels(c)];

    public abstract double Accuracy(bool normalize);

    public abstract double BalancedAccuracy(bool adjusted);

    public abstract double Precision(Average average, ZeroDivision zd);

    public abstract double Recall(Average average, ZeroDivision zd);

    public abstract double F1(Average average, ZeroDivision zd);

    public abstract double FBeta(double beta, Average average, ZeroDivision zd);

    public abstract ClassScores PerClass(double beta, ZeroDivision zd);

    public abstract PrecisionRecallFScore Averaged(Average average, double beta, ZeroDivision zd);

    public abstract double Jaccard(Average average, ZeroDivision zd);

    public abstract ConfusionMatrix Confusion(ConfusionMatrixNormalization normalize);

    public abstract double Matthews();

    public abstract double Kappa(KappaWeighting weights);

    public abstract double Hamming();

    public abstract ClassificationReport Report(IReadOnlyList<string>? names, int digits, ZeroDivision zd);
}
