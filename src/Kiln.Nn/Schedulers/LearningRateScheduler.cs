using Kiln.Nn.Optimizers;

namespace Kiln.Nn.Schedulers;

/// <summary>The base of epoch- or step-driven learning-rate schedules: each <see cref="Step"/> sets the optimizer's rate.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.lr_scheduler.LRScheduler</c>. Call <see cref="Step"/> after <c>optimizer.Step()</c>, once per
/// epoch (or per batch for <see cref="OneCycleLR"/>). Rates are computed in double precision with PyTorch's recurrences.
/// </remarks>
public abstract class LearningRateScheduler
{
    /// <summary>Binds the schedule to <paramref name="optimizer"/>, starting from its initial learning rate.</summary>
    protected LearningRateScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        BaseLearningRate = optimizer.InitialLearningRate;
    }

    /// <summary>The optimizer whose learning rate is set.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The learning rate the schedule starts from.</summary>
    public double BaseLearningRate { get; }

    /// <summary>The number of <see cref="Step"/> calls so far.</summary>
    /// <remarks>PyTorch: <c>scheduler.last_epoch</c>.</remarks>
    public int LastEpoch { get; private set; }

    /// <summary>The learning rate set by the latest step.</summary>
    /// <remarks>PyTorch: <c>scheduler.get_last_lr()[0]</c>.</remarks>
    public double LastLearningRate => Optimizer.LearningRate;

    /// <summary>Advances the schedule by one epoch (or batch) and sets the optimizer's learning rate.</summary>
    /// <remarks>PyTorch: <c>scheduler.step()</c>.</remarks>
    public void Step()
    {
        LastEpoch++;
        Optimizer.LearningRate = ComputeLearningRate(LastEpoch, Optimizer.LearningRate);
    }

    /// <summary>Computes the learning rate for <paramref name="epoch"/> from the current one.</summary>
    protected abstract double ComputeLearningRate(int epoch, double current);
}

/// <summary>Multiplies the learning rate by gamma every <c>stepSize</c> epochs.</summary>
/// <remarks>PyTorch: <c>torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma=0.1)</c>.</remarks>
public sealed class StepLR : LearningRateScheduler
{
    /// <summary>Creates the schedule.</summary>
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        (StepSize, Gamma) = (stepSize, gamma);
    }

    /// <summary>The period in epochs.</summary>
    public int StepSize { get; }

    /// <summary>The multiplicative factor.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double ComputeLearningRate(int epoch, double current) => epoch % StepSize == 0 ? current * Gamma : current;
}

/// <summary>Anneals the learning rate along a cosine from its base value to <c>etaMin</c> over <c>tMax</c> epochs, then back.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max, eta_min=0)</c>, with its recursive form
/// lr ← (1 + cos(π·t/T)) / (1 + cos(π·(t − 1)/T)) · (lr − ηmin) + ηmin.
/// </remarks>
public sealed class CosineAnnealingLR : LearningRateScheduler
{
    /// <summary>Creates the schedule.</summary>
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin = 0)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tMax);
        (TMax, EtaMin) = (tMax, etaMin);
    }

    /// <summary>The half period in epochs.</summary>
    public int TMax { get; }

    /// <summary>The minimum learning rate.</summary>
    public double EtaMin { get; }

    /// <inheritdoc/>
    protected override double ComputeLearningRate(int epoch, double current)
    {
        var period = 2 * TMax;
        if ((((epoch - 1 - TMax) % period) + period) % period == 0)
        {
            return current + ((BaseLearningRate - EtaMin) * (1 - Math.Cos(Math.PI / TMax)) / 2);
        }

        return ((1 + Math.Cos(Math.PI * epoch / TMax)) / (1 + Math.Cos(Math.PI * (epoch - 1) / TMax)) * (current - EtaMin)) + EtaMin;
    }
}
