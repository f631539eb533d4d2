using Kiln.Tensors;

namespace Kiln.Nn.Optimizers;

/// <summary>Adam with decoupled weight decay: parameters shrink by lr·wd before the Adam step.</summary>
/// <remarks>
/// PyTorch: <c>torch.optim.AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2)</c>;
/// p ← p·(1 − lr·wd), then the Adam update without decay in the gradient.
/// </remarks>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer.</summary>
    public AdamW(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupled: true)
    {
    }
}
