using Kiln.Tensors;

namespace Kiln.Nn.Optimizers;

/// <summary>Adam: adaptive moment estimation with bias correction, with L2 weight decay or (AdamW) decoupled decay.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)</c>.
/// g ← grad + wd·p; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
/// p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + eps) — eps is added after the bias-corrected square root.
/// </remarks>
public class Adam : Optimizer
{
    private readonly Tensor?[] _expAvg;
    private readonly Tensor?[] _expAvgSq;
    private readonly int[] _steps;

    /// <summary>Creates the optimizer.</summary>
    public Adam(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupled: false)
    {
    }

    /// <summary>Creates the optimizer with betas given as a pair, as PyTorch writes them.</summary>
    public Adam(IEnumerable<Tensor> parameters, double learningRate, (double Beta1, double Beta2) betas, double eps = 1e-8, double weightDecay = 0)
        : this(parameters, learningRate, betas.Beta1, betas.Beta2, eps, weightDecay, decoupled: false)
    {
    }

    private protected Adam(IEnumerable<Tensor> parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay, bool decoupled)
        : base(parameters, learningRate)
    {
        Beta1 = InRange(beta1, 0, 1, nameof(beta1));
        Beta2 = InRange(beta2, 0, 1, nameof(beta2));
        Eps = InRange(eps, 0, double.MaxValue, nameof(eps));
        WeightDecay = InRange(weightDecay, 0, double.MaxValue, nameof(weightDecay));
        Decoupled = decoupled;
        _expAvg = new Tensor?[Parameters.Count];
        _expAvgSq = new Tensor?[Parameters.Count];
        _steps = new int[Parameters.Count];
    }

    /// <summary>The decay rate of the first-moment (mean) estimate.</summary>
    public double Beta1 { get; set; }

    /// <summary>The decay rate of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>The term added to the denominator for stability.</summary>
    public double Eps { get; }

    /// <summary>The weight-decay coefficient (L2 in the gradient for Adam, decoupled for AdamW).</summary>
    public double WeightDecay { get; }

    private bool Decoupled { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = gradient;
        if (WeightDecay != 0)
        {
            if (Decoupled)
            {
                parameter.MulInPlace((float)(1 - (LearningRate * WeightDecay)));
            }
            else
            {
                g = g + (parameter * (float)WeightDecay);
            }
        }

        var step = ++_steps[index];

        // The moment estimates are updated in place (PyTorch: exp_avg.mul_(β1).add_(g, alpha=1-β1)), so a steady
        // training loop does not allocate two new parameter-sized tensors per parameter and step.
        var m = _expAvg[index] ??= Tensor.ZerosLike(parameter);
        var v = _expAvgSq[index] ??= Tensor.ZerosLike(parameter);
        m.MulInPlace((float)Beta1).AddInPlace(g, (float)(1 - Beta1));
        v.MulInPlace((float)Beta2).AddInPlace(g * g, (float)(1 - Beta2));
        var biasCorrection1 = 1 - Math.Pow(Beta1, step);
        var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, step));
        var stepSize = LearningRate / biasCorrection1;
        var denom = Tensor.Div(v.Sqrt(), Tensor.Full(new Shape(), biasCorrection2Sqrt, DType.Float32, parameter.Device)) + (float)Eps;
        parameter.AddInPlace(m / denom, (float)-stepSize);
    }
}
