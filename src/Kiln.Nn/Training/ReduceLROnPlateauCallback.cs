using Kiln.Nn.Schedulers;

namespace Kiln.Nn.Training;

/// <summary>Steps a <see cref="ReduceLROnPlateau"/> scheduler with a logged value after every epoch of <see cref="Trainer.Fit"/>.</summary>
/// <remarks>Keras: <c>keras.callbacks.ReduceLROnPlateau(monitor='val_loss')</c>.</remarks>
public sealed class ReduceLROnPlateauCallback : Callback
{
    /// <summary>Creates the callback for <paramref name="scheduler"/>, monitoring <paramref name="monitor"/>.</summary>
    public ReduceLROnPlateauCallback(ReduceLROnPlateau scheduler, string monitor = "val_loss")
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentException.ThrowIfNullOrWhiteSpace(monitor);
        (Scheduler, Monitor) = (scheduler, monitor);
    }

    /// <summary>The scheduler stepped.</summary>
    public ReduceLROnPlateau Scheduler { get; }

    /// <summary>The logged value passed to the scheduler.</summary>
    public string Monitor { get; }

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (!logs.TryGetValue(Monitor, out var value))
        {
            throw new InvalidOperationException($"ReduceLROnPlateauCallback: the monitored value '{Monitor}' is not logged; available: {string.Join(", ", logs.Keys)}.");
        }

        Scheduler.Step(value);
    }
}
