using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Mean squared error: (input − target)².</summary>
/// <remarks>PyTorch: <c>torch.nn.MSELoss(reduction='mean')</c>.</remarks>
public sealed class MSELoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        return Reduce((input - target).Square());
    }
}

/// <summary>Mean absolute error: |input − target|.</summary>
/// <remarks>PyTorch: <c>torch.nn.L1Loss(reduction='mean')</c>.</remarks>
public sealed class L1Loss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        return Reduce((input - target).Abs());
    }
}
