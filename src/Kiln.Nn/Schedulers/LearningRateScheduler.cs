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
