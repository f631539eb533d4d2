using Kiln.Tensors;

namespace Kiln.Nn.Optimizers;

/// <summary>RMSprop: divides the gradient by a running root mean square, optionally centered and with momentum.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False)</c>.
/// g ← grad + wd·p; s ← αs + (1 − α)g²; avg ← √(s − ḡ²) (centered, ḡ ← αḡ + (1 − α)g) or √s; avg ← avg + eps;
/// with momentum buf ← momentum·buf + g/avg and p ← p − lr·buf, else p ← p − lr·g/avg.
/// </remarks>
public sealed class RMSprop : Optimizer
{
    private readonly Tensor?[] _squareAvg;
    private readonly Tensor?[] _gradAvg;
    private readonly Tensor?[] _momentumBuffer;

    /// <summary>Creates the optimizer.</summary>
    public RMSprop(IEnumerable<Tensor> parameters, double learningRate = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0, double momentum = 0, bool centered = false)
        : base(parameters, learningRate)
    {
        Alpha = InRange(alpha, 0, 1, nameof(alpha));
        Eps = InRange(eps, 0, double.MaxValue, nameof(eps));
        WeightDecay = InRange(weightDecay, 0, double.MaxValue, nameof(weightDecay));
        Momentum = InRange(momentum, 0, double.MaxValue, nameof(momentum));
        Centered = centered;
        _squareAvg = new Tensor?[Parameters.Count];
        _gradAvg = new Tensor?[Parameters.Count];
        _momentumBuffer = new Tensor?[Parameters.Count];
    }

    /// <summary>The smoothing constant of the squared-gradient average.</summary>
    public double Alpha { get; }

    /// <summary>The term added to the denominator for stability.</summary>
    public double Eps { get; }

    /// <summary>The L2 penalty added to gradients.</summary>
    public double WeightDecay { get; }

    /// <summary>The momentum factor.</summary>
    public double Momentum { get; set; }

    /// <summary>Whether the gradient is normalized by its estimated variance instead of its second moment.</summary>
    public bool Centered { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = WeightDecay != 0 ? gradient + (parameter * (float)WeightDecay) : gradient;

        // Running averages are updated in place (PyTorch: square_avg.mul_(alpha).addcmul_(g, g, value=1-alpha)).
        var s = (_squareAvg[index] ??= Tensor.ZerosLike(parameter)).MulInPlace((float)Alpha).AddInPlace(g * g, (float)(1 - Alpha));
        Tensor avg;
        if (Centered)
        {
            var mean = (_gradAvg[index] ??= Tensor.ZerosLike(parameter)).MulInPlace((float)Alpha).AddInPlace(g, (float)(1 - Alpha));
            avg = (s - (mean * mean)).Sqrt();
        }
        else
        {
            avg = s.Sqrt();
        }

        avg = avg + (float)Eps;
        if (Momentum > 0)
        {
            var buf = (_momentumBuffer[index] ??= Tensor.ZerosLike(parameter)).MulInPlace((float)Momentum).AddInPlace(g / avg);
            parameter.AddInPlace(buf, (float)-LearningRate);
        }
        else
        {
            parameter.AddInPlace(g / avg, (float)-LearningRate);
        }
    }
}
