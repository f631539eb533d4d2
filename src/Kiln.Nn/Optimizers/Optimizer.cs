using Kiln.Tensors;

namespace Kiln.Nn.Optimizers;

/// <summary>The base of optimizers: holds the parameters and applies an update rule to each one that has a gradient.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.Optimizer</c> with a single parameter group. <see cref="Step"/> runs under
/// <see cref="Tensor.NoGrad"/> and changes parameters in place, so it never builds autograd graphs.
/// </remarks>
public abstract class Optimizer
{
    private readonly Tensor[] _parameters;
    private double _learningRate;

    /// <summary>Collects the parameters to update and the initial learning rate.</summary>
    /// <exception cref="ArgumentException">The parameter list is empty or holds a tensor that does not require grad.</exception>
    protected Optimizer(IEnumerable<Tensor> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        if (_parameters.Length == 0)
        {
            throw new ArgumentException($"{GetType().Name}: the parameter list is empty; pass model.Parameters().", nameof(parameters));
        }

        if (Array.Find(_parameters, p => !p.RequiresGrad || !p.IsLeaf) is { } bad)
        {
            throw new ArgumentException($"{GetType().Name}: a parameter of shape {bad.Shape} is not a leaf that requires grad; pass model.Parameters().", nameof(parameters));
        }

        LearningRate = learningRate;
        InitialLearningRate = learningRate;
    }

    /// <summary>The parameters this optimizer updates.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>The current learning rate; schedulers change it between steps.</summary>
    /// <remarks>PyTorch: <c>optimizer.param_groups[0]["lr"]</c>.</remarks>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (value < 0 || double.IsNaN(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"{GetType().Name}: learning rate {value} must be a non-negative number.");
            }

            _learningRate = value;
        }
    }

    /// <summary>The learning rate the optimizer was created with.</summary>
    /// <remarks>PyTorch: <c>param_groups[0]["initial_lr"]</c>, which schedulers start from.</remarks>
    public double InitialLearningRate { get; }

    /// <summary>Updates every parameter that has a gradient, in place.</summary>
    /// <remarks>PyTorch: <c>optimizer.step()</c>.</remarks>
    public void Step()
    {
        using (Tensor.NoGrad())
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                if (_parameters[i].Grad is { } grad)
                {
                    Update(i, _parameters[i], grad);
                }
            }
        }
    }

    /// <summary>Clears the gradient of every parameter, dropping it (the default) or zeroing it in place.</summary>
    /// <param name="setToNone">True sets each <see cref="Tensor.Grad"/> to null; false fills the existing gradients with zeros.</param>
    /// <remarks>
    /// PyTorch: <c>optimizer.zero_grad(set_to_none=True)</c>. With <paramref name="setToNone"/> false the next backward
    /// adds into the kept buffers and hands its own gradient buffers back for reuse, so a steady training loop allocates
    /// no parameter-sized gradients. As in PyTorch, a gradient tensor read earlier then sees the new values, and a parameter
    /// that receives no gradient in a step is still updated with the zero gradient (momentum and weight decay apply).
    /// </remarks>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in _parameters)
        {
            if (setToNone)
            {
                p.ZeroGrad();
            }
            else
            {
                p.Grad?.Fill(0);
            }
        }
    }

    /// <summary>Applies the update rule to parameter <paramref name="index"/> given its gradient (grad mode is off).</summary>
    protected abstract void Update(int index, Tensor parameter, Tensor gradient);

    /// <summary>Throws unless <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    protected static double InRange(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} = {value} must lie in [{min}, {max}].");
        }

        return value;
    }
}
