using Kiln.Nn.Optimizers;

namespace Kiln.Nn.Schedulers;

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
