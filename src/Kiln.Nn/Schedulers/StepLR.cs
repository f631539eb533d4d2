using Kiln.Nn.Optimizers;

namespace Kiln.Nn.Schedulers;

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
