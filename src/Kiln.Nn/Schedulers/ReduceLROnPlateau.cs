using Kiln.Nn.Optimizers;

namespace Kiln.Nn.Schedulers;

/// <summary>Multiplies the learning rate by <c>factor</c> when a metric stops improving for <c>patience</c> epochs.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=1e-4,
/// threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-8)</c>. Improvement means beating the best by the threshold,
/// relative (best·(1 ∓ threshold)) or absolute (best ∓ threshold).
/// </remarks>
public sealed class ReduceLROnPlateau
{
    private int _cooldownCounter;

    /// <summary>Creates the scheduler.</summary>
    public ReduceLROnPlateau(Optimizer optimizer, MonitorMode mode = MonitorMode.Min, double factor = 0.1, int patience = 10,
        double threshold = 1e-4, bool relativeThreshold = true, int cooldown = 0, double minLearningRate = 0, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (factor is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), $"ReduceLROnPlateau: factor {factor} must lie in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        (Optimizer, Mode, Factor, Patience, Threshold, RelativeThreshold, Cooldown, MinLearningRate, Eps) =
            (optimizer, mode, factor, patience, threshold, relativeThreshold, cooldown, minLearningRate, eps);
        Best = mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>The optimizer whose learning rate is reduced.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Whether the metric should decrease or increase.</summary>
    public MonitorMode Mode { get; }

    /// <summary>The multiplicative reduction factor.</summary>
    public double Factor { get; }

    /// <summary>The number of epochs without improvement tolerated before reducing.</summary>
    public int Patience { get; }

    /// <summary>The improvement needed to count as better.</summary>
    public double Threshold { get; }

    /// <summary>Whether <see cref="Threshold"/> is relative (true) or absolute.</summary>
    public bool RelativeThreshold { get; }

    /// <summary>The number of epochs to wait after a reduction before counting again.</summary>
    public int Cooldown { get; }

    /// <summary>The lower bound of the learning rate.</summary>
    public double MinLearningRate { get; }

    /// <summary>The smallest change of learning rate that is applied.</summary>
    public double Eps { get; }

    /// <summary>The best metric value seen.</summary>
    public double Best { get; private set; }

    /// <summary>The number of consecutive epochs without improvement.</summary>
    public int BadEpochs { get; private set; }

    /// <summary>Records the epoch's <paramref name="metric"/> and reduces the learning rate if it has plateaued.</summary>
    /// <remarks>PyTorch: <c>scheduler.step(metrics)</c>.</remarks>
    public void Step(double metric)
    {
        if (IsBetter(metric))
        {
            Best = metric;
            BadEpochs = 0;
        }
        else
        {
            BadEpochs++;
        }

        if (_cooldownCounter > 0)
        {
            _cooldownCounter--;
            BadEpochs = 0;
        }

        if (BadEpochs > Patience)
        {
            var old = Optimizer.LearningRate;
            var next = Math.Max(old * Factor, MinLearningRate);
            if (old - next > Eps)
            {
                Optimizer.LearningRate = next;
            }

            _cooldownCounter = Cooldown;
            BadEpochs = 0;
        }
    }

    private bool IsBetter(double metric) => (Mode, RelativeThreshold) switch
    {
        (MonitorMode.Min, true) => metric < Best * (1 - Threshold),
        (MonitorMode.Min, false) => metric < Best - Threshold,
        (MonitorMode.Max, true) => metric > Best * (Threshold + 1),
        _ => metric > Best + Threshold,
    };
}
