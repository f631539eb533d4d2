using Kiln.Tensors;

namespace Kiln.Nn.Optimizers;

/// <summary>Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False)</c>.
/// g ← grad + wd·p; buf ← g on the first step, else momentum·buf + (1 − dampening)·g;
/// g ← g + momentum·buf (Nesterov) or buf; p ← p − lr·g.
/// </remarks>
public sealed class SGD : Optimizer
{
    private readonly Tensor?[] _momentumBuffers;

    /// <summary>Creates the optimizer.</summary>
    public SGD(IEnumerable<Tensor> parameters, double learningRate, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : base(parameters, learningRate)
    {
        Momentum = InRange(momentum, 0, double.MaxValue, nameof(momentum));
        Dampening = dampening;
        WeightDecay = InRange(weightDecay, 0, double.MaxValue, nameof(weightDecay));
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("SGD: Nesterov momentum requires momentum > 0 and dampening = 0.", nameof(nesterov));
        }

        Nesterov = nesterov;
        _momentumBuffers = new Tensor?[Parameters.Count];
    }

    /// <summary>The momentum factor.</summary>
    public double Momentum { get; set; }

    /// <summary>The dampening applied to new gradients in the momentum buffer.</summary>
    public double Dampening { get; }

    /// <summary>The L2 penalty added to gradients.</summary>
    public double WeightDecay { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var d = WeightDecay != 0 ? gradient + (parameter * (float)WeightDecay) : gradient;
        if (Momentum != 0)
        {
            // In place after the first step (PyTorch: buf.mul_(momentum).add_(d, alpha=1-dampening)), same rounding as out of place.
            var buf = _momentumBuffers[index] is { } previous
                ? previous.MulInPlace((float)Momentum).AddInPlace(d, (float)(1 - Dampening))
                : d.Clone().Detach();
            _momentumBuffers[index] = buf;
            d = Nesterov ? d + (buf * (float)Momentum) : buf;
        }

        parameter.AddInPlace(d, (float)-LearningRate);
    }
}
