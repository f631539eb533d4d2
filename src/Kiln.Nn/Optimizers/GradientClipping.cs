using Kiln.Tensors;

namespace Kiln.Nn.Optimizers;

/// <summary>Gradient clipping utilities applied between <c>Backward()</c> and <c>Step()</c>.</summary>
public static class GradientClipping
{
    /// <summary>Scales all gradients together so their total norm is at most <paramref name="maxNorm"/>; returns the norm before clipping.</summary>
    /// <param name="parameters">The parameters whose gradients are clipped (those without a gradient are skipped).</param>
    /// <param name="maxNorm">The largest allowed total norm.</param>
    /// <param name="normType">The p of the p-norm; <see cref="double.PositiveInfinity"/> for the max norm.</param>
    /// <remarks>
    /// PyTorch: <c>torch.nn.utils.clip_grad_norm_(parameters, max_norm, norm_type=2.0)</c>. The total norm is the norm of the
    /// per-tensor norms; every gradient is multiplied by min(maxNorm / (total + 1e-6), 1).
    /// </remarks>
    public static double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2.0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxNorm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(normType);
        var all = parameters.ToList();
        var grads = all.Select(p => p.Grad).OfType<Tensor>().ToList();
        if (grads.Count == 0)
        {
            return 0;
        }

        using (Tensor.NoGrad())
        {
            float total;
            if (double.IsPositiveInfinity(normType))
            {
                total = grads.Max(g => g.Abs().Max().Item());
            }
            else
            {
                var p = (float)normType;
                var norms = grads.Select(g => MathF.Pow(Tensor.Pow(g.Abs(), p).Sum().Item(), 1 / p)).ToArray();
                total = MathF.Pow(norms.Sum(n => MathF.Pow(n, p)), 1 / p);
            }

            var coefficient = Math.Min((float)maxNorm / (total + 1e-6f), 1f);
            foreach (var param in all)
            {
                if (param.Grad is { } g)
                {
                    param.Grad = (g * coefficient).Detach();
                }
            }

            return total;
        }
    }

    /// <summary>Clamps every gradient element to [−<paramref name="clipValue"/>, <paramref name="clipValue"/>].</summary>
    /// <remarks>PyTorch: <c>torch.nn.utils.clip_grad_value_(parameters, clip_value)</c>.</remarks>
    public static void ClipGradValue(IEnumerable<Tensor> parameters, double clipValue)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(clipValue);
        using (Tensor.NoGrad())
        {
            foreach (var param in parameters)
            {
                if (param.Grad is { } g)
                {
                    param.Grad = g.Clamp((float)-clipValue, (float)clipValue).Detach();
                }
            }
        }
    }
}
