using Kiln.Tensors;

namespace Kiln.Nn;

/// <summary>Negative log-likelihood of int64 class targets under log-probabilities, with class weights and an ignored index.</summary>
/// <remarks>
/// PyTorch: <c>torch.nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')</c>. Input [N, C], target [N];
/// loss_i = −weight[y_i] · input[i, y_i] (0 where y_i = ignoreIndex); the mean divides by Σ weight[y_i] over kept rows.
/// </remarks>
public sealed class NLLLoss(Tensor? weight = null, long ignoreIndex = -100, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <summary>The per-class weights [C], or null for all ones.</summary>
    public Tensor? Weight { get; } = weight;

    /// <summary>The target value whose rows contribute nothing.</summary>
    public long IgnoreIndex { get; } = ignoreIndex;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        var picked = ClassTargets.Pick(GetType().Name, input, target, Weight, IgnoreIndex);
        var losses = -picked.WeightedLogProbability;
        return Reduction == Reduction.Mean ? losses.Sum() / picked.TotalWeight : Reduce(losses);
    }
}

/// <summary>Helpers shared by <see cref="NLLLoss"/> and <see cref="CrossEntropyLoss"/> for int64 class targets.</summary>
internal static class ClassTargets
{
    public static Picked Pick(string loss, Tensor logProbabilities, Tensor target, Tensor? weight, long ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(logProbabilities);
        ArgumentNullException.ThrowIfNull(target);
        if (logProbabilities.Rank != 2 || target.Rank != 1 || target.Shape[0] != logProbabilities.Shape[0])
        {
            throw new ShapeMismatchException($"{loss}: expected input [N, C] and target [N], got input {logProbabilities.Shape} and target {target.Shape}.");
        }

        if (target.DType != DType.Int64)
        {
            throw new ArgumentException($"{loss}: the target must hold int64 class indices, got {target.DType}; convert with ToType(DType.Int64).", nameof(target));
        }

        int n = logProbabilities.Shape[0], c = logProbabilities.Shape[1];
        var classWeights = weight?.Detach().ToArray() ?? Enumerable.Repeat(1f, c).ToArray();
        if (classWeights.Length != c)
        {
            throw new ShapeMismatchException($"{loss}: weight has {classWeights.Length} elements but the input has {c} classes.");
        }

        var labels = target.ToArray<long>();
        var allKept = CheckLabels(loss, labels, c, ignoreIndex);
        if (weight is null && allKept)
        {
            // Every row kept with weight 1: gather by the target itself; the product with all-ones weights is skipped (exact).
            var picked = logProbabilities.Gather(1, target.Reshape(n, 1).To(logProbabilities.Device)).Squeeze(1);
            return new Picked(picked, n, null, n, null);
        }

        var safe = new long[n];
        var rowWeights = new float[n];
        var kept = new float[n];
        float total = 0;
        for (var i = 0; i < n; i++)
        {
            if (labels[i] == ignoreIndex)
            {
                continue;
            }

            safe[i] = labels[i];
            rowWeights[i] = classWeights[labels[i]];
            kept[i] = 1;
            total += rowWeights[i];
        }

        var device = logProbabilities.Device;
        var index = Tensor.FromArray(safe, n, 1).To(device);
        var gathered = logProbabilities.Gather(1, index).Squeeze(1);
        return new Picked(
            gathered * Tensor.FromArray(rowWeights, n).To(device),
            total,
            Tensor.FromArray(kept, n).To(device),
            kept.Sum(),
            weight is null ? null : Tensor.FromArray(classWeights, 1, c).To(device));
    }

    /// <summary>Checks that every label not ignored is a class; returns whether none is ignored.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside the classes.</exception>
    private static bool CheckLabels(string loss, long[] target, int classes, long ignoreIndex)
    {
        var allKept = true;
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] == ignoreIndex)
            {
                allKept = false;
            }
            else if (target[i] < 0 || target[i] >= classes)
            {
                throw new ArgumentOutOfRangeException(nameof(target), $"{loss}: target {target[i]} at row {i} is outside the {classes} classes [0, {classes - 1}].");
            }
        }

        return allKept;
    }

    /// <summary>
    /// weight[y_i] · logp[i, y_i] per row (0 for ignored rows), the kept-weight total, the kept mask (null when every row
    /// is kept) and count.
    /// </summary>
    internal sealed record Picked(Tensor WeightedLogProbability, float TotalWeight, Tensor? KeptMask, float KeptCount, Tensor? ClassWeightRow);
}
