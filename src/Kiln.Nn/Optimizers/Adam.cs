using Kiln.Tensors;
using Kiln.Tensors.Backends;

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
        if (Decoupled && WeightDecay != 0)
        {
            parameter.MulInPlace((float)(1 - (LearningRate * WeightDecay)));
        }

        var step = ++_steps[index];

        // One fused pass per parameter updates both moments and the parameter in place (PyTorch: Adam(fused=True)), so a
        // steady training loop allocates no parameter-sized temporaries.
        var m = _expAvg[index] ??= Tensor.ZerosLike(parameter);
        var v = _expAvgSq[index] ??= Tensor.ZerosLike(parameter);
        var biasCorrection1 = 1 - Math.Pow(Beta1, step);
        var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, step));
        parameter.AdamUpdateInPlace(gradient, m, v, new AdamCoefficients(
            (float)Beta1,
            (float)(1 - Beta1),
            (float)Beta2,
            (float)(1 - Beta2),
            (float)biasCorrection2Sqrt,
            (float)Eps,
            (float)-(LearningRate / biasCorrection1),
            Decoupled ? 0f : (float)WeightDecay));
    }
}
