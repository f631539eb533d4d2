using Kiln.Nn.Optimizers;

namespace Kiln.Nn.Schedulers;

/// <summary>The 1cycle policy: warm up from maxLr/divFactor to maxLr, then anneal to a much lower rate, stepped per batch.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, total_steps, pct_start=0.3, anneal_strategy='cos',
/// div_factor=25, final_div_factor=1e4, three_phase=False)</c> with <c>cycle_momentum=False</c> (momentum is not cycled).
/// Creating it sets the optimizer's rate to maxLr / divFactor.
/// </remarks>
public sealed class OneCycleLR : LearningRateScheduler
{
    private readonly (double EndStep, double Start, double End)[] _phases;

    /// <summary>Creates the schedule and sets the initial learning rate.</summary>
    public OneCycleLR(Optimizer optimizer, double maxLearningRate, int totalSteps, double pctStart = 0.3, bool cosineAnnealing = true,
        double divFactor = 25, double finalDivFactor = 1e4, bool threePhase = false)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        if (pctStart is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pctStart), $"OneCycleLR: pctStart {pctStart} must lie in (0, 1).");
        }

        TotalSteps = totalSteps;
        CosineAnnealing = cosineAnnealing;
        var initial = maxLearningRate / divFactor;
        var min = initial / finalDivFactor;
        _phases = threePhase
            ? [((pctStart * totalSteps) - 1, initial, maxLearningRate), ((2 * pctStart * totalSteps) - 2, maxLearningRate, initial), (totalSteps - 1, initial, min)]
            : [((pctStart * totalSteps) - 1, initial, maxLearningRate), (totalSteps - 1, maxLearningRate, min)];
        optimizer.LearningRate = initial;
    }

    /// <summary>The number of steps in the cycle.</summary>
    public int TotalSteps { get; }

    /// <summary>Whether annealing follows a cosine (true) or a straight line (false).</summary>
    public bool CosineAnnealing { get; }

    /// <inheritdoc/>
    protected override double ComputeLearningRate(int epoch, double current)
    {
        if (epoch > TotalSteps)
        {
            throw new InvalidOperationException($"OneCycleLR: stepped {epoch} times but the cycle has {TotalSteps} steps; raise totalSteps.");
        }

        double startStep = 0;
        for (var i = 0; i < _phases.Length; i++)
        {
            var (endStep, start, end) = _phases[i];
            if (epoch <= endStep || i == _phases.Length - 1)
            {
                var pct = (epoch - startStep) / (endStep - startStep);
                return CosineAnnealing ? end + ((start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1)) : ((end - start) * pct) + start;
            }

            startStep = endStep;
        }

        return current;
    }
}
