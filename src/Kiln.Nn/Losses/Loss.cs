using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>The base of loss functions: compares a prediction with a target and reduces the per-element losses.</summary>
/// <remarks>PyTorch: <c>torch.nn.modules.loss._Loss</c>; <c>reduction</c> defaults to mean.</remarks>
public abstract class Loss(Reduction reduction)
{
    /// <summary>How per-element losses are combined.</summary>
    public Reduction Reduction { get; } = reduction;

    /// <summary>Computes the loss of <paramref name="input"/> against <paramref name="target"/>, differentiable in the input.</summary>
    /// <remarks>PyTorch: <c>loss_fn(input, target)</c>.</remarks>
    public abstract Tensor Forward(Tensor input, Tensor target);

    /// <summary>Formats the loss as PyTorch prints it, e.g. <c>MSELoss()</c>.</summary>
    public override string ToString() => $"{GetType().Name}()";

    /// <summary>Applies <see cref="Reduction"/> to per-element losses.</summary>
    protected Tensor Reduce(Tensor losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        return Reduction switch
        {
            Reduction.Mean => losses.Mean(),
            Reduction.Sum => losses.Sum(),
            _ => losses,
        };
    }

    /// <summary>Throws unless <paramref name="input"/> and <paramref name="target"/> have the same shape.</summary>
    protected void RequireSameShape(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (input.Shape != target.Shape)
        {
            throw new ShapeMismatchException($"{GetType().Name}: input has shape {input.Shape} but target has {target.Shape}; they must be equal (reshape the target, e.g. target.Reshape(-1, 1)).");
        }
    }
}
