using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Binary cross-entropy on raw logits, computed stably, with optional element and positive-class weights.</summary>
/// <remarks>
/// PyTorch: <c>torch.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)</c>.
/// loss = weight · [(1 − y) · x + (1 + (posWeight − 1) · y) · (log(1 + e^−|x|) + max(−x, 0))];
/// <c>posWeight</c> broadcasts over the last (class) dimension.
/// </remarks>
public sealed class BCEWithLogitsLoss(Tensor? weight = null, Tensor? posWeight = null, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <summary>The rescaling weight broadcast over elements, or null.</summary>
    public Tensor? Weight { get; } = weight;

    /// <summary>The weight of positive examples per class, or null.</summary>
    public Tensor? PosWeight { get; } = posWeight;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        var y = target.Detach().ToType(DType.Float32);
        var softplusNeg = (-input.Abs()).Exp().Add1Log() + (-input).Relu();
        var logWeight = PosWeight is null ? null : ((PosWeight - 1f) * y) + 1f;
        var loss = ((1f - y) * input) + (logWeight is null ? softplusNeg : logWeight * softplusNeg);
        return Reduce(Weight is null ? loss : loss * Weight);
    }
}
