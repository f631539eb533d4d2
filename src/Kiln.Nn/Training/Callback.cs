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

/// <summary>The state of a running <see cref="Trainer.Fit"/>, shared with callbacks.</summary>
public sealed class TrainingContext
{
    internal TrainingContext(Module model, Optimizer optimizer, History history, int epochs)
    {
        (Model, Optimizer, History, Epochs) = (model, optimizer, history, epochs);
    }

    /// <summary>The model being trained.</summary>
    public Module Model { get; }

    /// <summary>The optimizer updating the model.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The values recorded so far.</summary>
    public History History { get; }

    /// <summary>The number of epochs requested.</summary>
    public int Epochs { get; }

    /// <summary>Set by a callback to end training after the current epoch.</summary>
    /// <remarks>Keras: <c>model.stop_training = True</c>.</remarks>
    public bool StopTraining { get; set; }
}
