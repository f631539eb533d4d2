using Kiln.Nn.Optimizers;

namespace Kiln.Nn.Training;

/// <summary>Hooks into <see cref="Trainer.Fit"/>: called when training begins, after every epoch, and when it ends.</summary>
/// <remarks>Keras: <c>keras.callbacks.Callback</c>; Lightning: <c>Callback</c>.</remarks>
public abstract class Callback
{
    /// <summary>Called once before the first epoch.</summary>
    public virtual void OnTrainBegin(TrainingContext context)
    {
    }

    /// <summary>Called after each epoch with that epoch's values (already added to the history).</summary>
    /// <param name="context">The running fit; set <see cref="TrainingContext.StopTraining"/> to stop after this epoch.</param>
    /// <param name="epoch">The 0-based epoch index.</param>
    /// <param name="logs">The epoch's values by name (loss, metrics, val_*, lr).</param>
    public virtual void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
    }

    /// <summary>Called once after the last epoch (or after an early stop).</summary>
    public virtual void OnTrainEnd(TrainingContext context)
    {
    }
}
