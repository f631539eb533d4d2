using Kiln.Nn.Optimizers;

namespace Kiln.Nn.Schedulers;

/// <summary>The 1cycle policy: warm up from maxLr/divFactor to maxLr, then anneal to a much lower rate, stepped per batch.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, total_steps, pct_start=0.3, anneal_strategy='cos',
/// div_factor=25, final_div_factor=1e4, three_phase=False, cycle_momentum=True, base_momentum=0.85, max_momentum=0.95)</c>.
/// Creating it sets the optimizer's rate to maxLr / divFactor and, when cycling momentum, its momentum (β₁ for Adam) to
/// maxMomentum; momentum moves opposite to the learning rate.
/// </remarks>
public sealed class OneCycleLR : LearningRateScheduler
{
    private readonly (double EndStep, double Start, double End, double StartMomentum, double EndMomentum)[] _phases;

    /// <summary>Creates the schedule and sets the initial learning rate.</summary>
    public OneCycleLR(Optimizer optimizer, double maxLearningRate, int totalSteps, double pctStart = 0.3, bool cosineAnnealing = true,
        double divFactor = 25, double finalDivFactor = 1e4, bool threePhase = false,
        bool cycleMomentum = true, double baseMomentum = 0.85, double maxMomentum = 0.95)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        if (pctStart is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pctStart), $"OneCycleLR: pctStart {pctStart} must lie in (0, 1).");
        }

        if (cycleMomentum && optimizer is not (SGD or Adam or RMSprop))
        {
            throw new ArgumentException($"OneCycleLR: cannot cycle the momentum of {optimizer.GetType().Name}; pass cycleMomentum: false.", nameof(cycleMomentum));
        }

        TotalSteps = totalSteps;
        CosineAnnealing = cosineAnnealing;
        CycleMomentum = cycleMomentum;
        var initial = maxLearningRate / divFactor;
        var min = initial / finalDivFactor;
        _phases = threePhase
            ?
            [
                ((pctStart * totalSteps) - 1, initial, maxLearningRate, maxMomentum, baseMomentum),
                ((2 * pctStart * totalSteps) - 2, maxLearningRate, initial, baseMomentum, maxMomentum),
                (totalSteps - 1, initial, min, maxMomentum, maxMomentum),
            ]
            :
            [
                ((pctStart * totalSteps) - 1, initial, maxLearningRate, maxMomentum, baseMomentum),
                (totalSteps - 1, maxLearningRate, min, baseMomentum, maxMomentum),
            ];
        optimizer.LearningRate = initial;
        SetMomentum(maxMomentum);
    }

    /// <summary>Whether the optimizer's momentum (β₁ for Adam) is cycled inversely to the learning rate.</summary>
    public bool CycleMomentum { get; }

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
            var (endStep, start, end, startMomentum, endMomentum) = _phases[i];
            if (epoch <= endStep || i == _phases.Length - 1)
            {
                var pct = (epoch - startStep) / (endStep - startStep);
                SetMomentum(Anneal(startMomentum, endMomentum, pct));
                return Anneal(start, end, pct);
            }

            startStep = endStep;
        }

        return current;
    }

    private double Anneal(double start, double end, double pct) =>
        CosineAnnealing ? end + ((start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1)) : ((end - start) * pct) + start;

    private void SetMomentum(double momentum)
    {
        if (!CycleMomentum)
        {
            return;
        }

        switch (Optimizer)
        {
            case Adam adam:
                adam.Beta1 = momentum;
                break;
            case SGD sgd:
                sgd.Momentum = momentum;
                break;
            case RMSprop rms:
                rms.Momentum = momentum;
                break;
        }
    }
}
