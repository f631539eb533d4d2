using Kiln.Nn.Optimizers;

namespace Kiln.Nn.Training;

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
