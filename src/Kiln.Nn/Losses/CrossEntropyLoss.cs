using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Cross-entropy of raw logits [N, C] against int64 classes [N] or class probabilities [N, C], with class weights, an ignored index and label smoothing.</summary>
/// <remarks>
/// PyTorch: <c>torch.nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)</c>.
/// With smoothing ε over C classes: (1 − ε) · NLL + (ε / C) · smooth, where smooth_i = −Σ_c weight[c] · logp[i, c]
/// (0 for ignored rows); the mean of both terms divides by Σ weight[y_i] over kept rows (the kept count without weights).
/// With float probability targets p [N, C]: p ← (1 − ε)·p + ε/C and loss_i = −Σ_c weight[c]·p[i, c]·logp[i, c];
/// the mean divides by N, and <see cref="IgnoreIndex"/> does not apply.
/// </remarks>
public sealed class CrossEntropyLoss : Loss
{
    /// <summary>Creates the loss.</summary>
    public CrossEntropyLoss(Tensor? weight = null, long ignoreIndex = -100, Reduction reduction = Reduction.Mean, double labelSmoothing = 0)
        : base(reduction)
    {
        if (labelSmoothing is < 0 or > 1 || double.IsNaN(labelSmoothing))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), $"CrossEntropyLoss: label smoothing {labelSmoothing} must lie in [0, 1].");
        }

        (Weight, IgnoreIndex, LabelSmoothing) = (weight, ignoreIndex, labelSmoothing);
    }

    /// <summary>The per-class weights [C], or null for all ones.</summary>
    public Tensor? Weight { get; }

    /// <summary>The target value whose rows contribute nothing.</summary>
    public long IgnoreIndex { get; }

    /// <summary>The amount ε of probability mass spread uniformly over all classes.</summary>
    public double LabelSmoothing { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2)
        {
            throw new ShapeMismatchException($"CrossEntropyLoss: expected logits [N, C], got {input.Shape}.");
        }

        ArgumentNullException.ThrowIfNull(target);
        var logp = input.LogSoftmax(1);
        logp.HandToGraph();
        if (target.DType == DType.Float32)
        {
            return SoftTargets(logp, target);
        }

        var picked = ClassTargets.Pick(nameof(CrossEntropyLoss), logp, target, Weight, IgnoreIndex);
        var nll = -picked.WeightedLogProbability;
        nll = Reduction == Reduction.Mean ? nll.Sum() / picked.TotalWeight : Reduce(nll);
        if (LabelSmoothing == 0)
        {
            return nll;
        }

        var weighted = picked.ClassWeightRow is null ? logp : logp * picked.ClassWeightRow;
        var smooth = picked.KeptMask is null ? -weighted.Sum(1) : -weighted.Sum(1) * picked.KeptMask;
        smooth = Reduction switch
        {
            Reduction.Mean => smooth.Sum() / (picked.ClassWeightRow is null ? picked.KeptCount : picked.TotalWeight),
            Reduction.Sum => smooth.Sum(),
            _ => smooth,
        };
        var classes = input.Shape[1];
        return (nll * (float)(1 - LabelSmoothing)) + (smooth * (float)(LabelSmoothing / classes));
    }

    private Tensor SoftTargets(Tensor logp, Tensor target)
    {
        if (target.Shape != logp.Shape)
        {
            throw new ShapeMismatchException($"CrossEntropyLoss: probability targets must have the logits' shape {logp.Shape}, got {target.Shape}; pass int64 class indices [N] for hard labels.");
        }

        var classes = logp.Shape[1];
        var p = target.Detach();
        if (LabelSmoothing != 0)
        {
            p = (p * (float)(1 - LabelSmoothing)) + (float)(LabelSmoothing / classes);
        }

        var weighted = Weight is null ? logp * p : logp * p * Weight.Detach().Reshape(1, classes).To(logp.Device);
        var losses = -weighted.Sum(1);
        return Reduction == Reduction.Mean ? losses.Sum() / logp.Shape[0] : Reduce(losses);
    }
}
