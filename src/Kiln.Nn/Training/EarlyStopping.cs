using Kiln.Nn.Schedulers;
using Kiln.Tensors;

namespace Kiln.Nn.Training;

/// <summary>Stops training when a monitored value has not improved for <c>patience</c> epochs.</summary>
/// <remarks>
/// Keras: <c>EarlyStopping(monitor='val_loss', min_delta=0, patience=0, mode='auto', restore_best_weights=False)</c>.
/// An improvement beats the best by more than <c>minDelta</c>; mode defaults to max for names containing "acc", else min.
/// </remarks>
public sealed class EarlyStopping : Callback
{
    private readonly MonitoredValue _monitor;
    private int _wait;
    private StateDict? _bestState;

    /// <summary>Creates the callback.</summary>
    public EarlyStopping(string monitor = "val_loss", int patience = 0, double minDelta = 0, MonitorMode? mode = null, bool restoreBestWeights = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        _monitor = new MonitoredValue(monitor, mode, minDelta);
        (Patience, RestoreBestWeights) = (patience, restoreBestWeights);
    }

    /// <summary>The number of epochs without improvement tolerated.</summary>
    public int Patience { get; }

    /// <summary>Whether the weights of the best epoch are put back when training ends.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>The 0-based epoch after which training stopped, or null if it ran to the end.</summary>
    public int? StoppedEpoch { get; private set; }

    /// <summary>The 0-based epoch with the best monitored value.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The best monitored value.</summary>
    public double BestValue => _monitor.Best;

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logs);
        if (_monitor.Improves(nameof(EarlyStopping), logs))
        {
            _wait = 0;
            BestEpoch = epoch;
            if (RestoreBestWeights)
            {
                _bestState = Snapshot(context.Model);
            }

            return;
        }

        if (++_wait >= Patience)
        {
            StoppedEpoch = epoch;
            context.StopTraining = true;
        }
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RestoreBestWeights && _bestState is not null)
        {
            context.Model.LoadStateDict(_bestState);
        }
    }

    private static StateDict Snapshot(Module model)
    {
        var copy = new StateDict();
        using (Tensor.NoGrad())
        {
            foreach (var (name, t) in model.StateDict())
            {
                copy.Set(name, t.Clone().Detach());
            }
        }

        return copy;
    }
}
