using Kiln.Tensors;

namespace Kiln.Nn.Training;

/// <summary>A metric accumulated over the batches of an epoch.</summary>
/// <remarks>Keras: <c>keras.metrics.Metric</c> (<c>reset_state</c>, <c>update_state</c>, <c>result</c>).</remarks>
public interface IMetric
{
    /// <summary>The name in logs and <see cref="History"/> (validation values get a <c>val_</c> prefix).</summary>
    string Name { get; }

    /// <summary>Forgets the accumulated state at the start of an epoch.</summary>
    void Reset();

    /// <summary>Adds one batch of model outputs and targets.</summary>
    void Update(Tensor output, Tensor target);

    /// <summary>Returns the metric over everything added since <see cref="Reset"/>.</summary>
    double Compute();
}
