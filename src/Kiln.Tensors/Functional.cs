namespace Kiln.Tensors;

/// <summary>Stateless neural-network functions built from differentiable tensor ops.</summary>
/// <remarks>PyTorch: <c>torch.nn.functional</c>. Modules in Kiln.Nn wrap these with their parameters.</remarks>
public static partial class Functional
{
    /// <summary>Computes x · weightᵀ + bias for weight [out, in] and bias [out].</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.linear</c>.</remarks>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (bias is { Rank: 1 })
        {
            return Ops.MatMulOp.MatMulTransposed(input, weight, bias);
        }

        var y = Ops.MatMulOp.MatMulTransposed(input, weight);
        return bias is null ? y : y + bias;
    }

    /// <summary>Zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1−p) while training.</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.dropout</c>. The mask comes from <paramref name="generator"/> (default <see cref="Generator.Default"/>).</remarks>
    public static Tensor Dropout(Tensor input, float p = 0.5f, bool training = true, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (p is < 0 or > 1 || float.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), $"Dropout: probability {p} must lie in [0, 1].");
        }

        if (!training || p == 0)
        {
            return input;
        }

        if (p == 1)
        {
            return input * 0f;
        }

        var keep = Tensor.Rand(input.Shape, generator, input.Device).Ge(Tensor.Full(new Shape(), p, DType.Float32, input.Device));
        return input * (keep.ToType(DType.Float32) * (1f / (1f - p)));
    }

    /// <summary>Looks up rows of <paramref name="weight"/> [vocab, dim] for int64 <paramref name="indices"/> of any shape.</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.embedding</c>; the result has shape indices.shape + [dim].</remarks>
    public static Tensor Embedding(Tensor indices, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank != 2)
        {
            throw new ShapeMismatchException($"Embedding: weight has shape {weight.Shape}; expected [numEmbeddings, embeddingDim].");
        }

        var rows = weight.IndexSelect(0, indices.Reshape(-1));
        return rows.Reshape([.. indices.Dims, weight.Dims[1]]);
    }

    /// <summary>Negative log-likelihood of int64 class <paramref name="target"/> [N] under log-probabilities [N, C].</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.nll_loss</c> (no class weights or ignore_index).</remarks>
    public static Tensor NllLoss(Tensor logProbabilities, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(logProbabilities);
        ArgumentNullException.ThrowIfNull(target);
        if (logProbabilities.Rank != 2 || target.Rank != 1 || target.Dims[0] != logProbabilities.Dims[0])
        {
            throw new ShapeMismatchException("NllLoss", logProbabilities.Shape, target.Shape, "do not fit; expected input [N, C] and target [N].");
        }

        var picked = -logProbabilities.Gather(1, target.Unsqueeze(1)).Squeeze(1);
        return Reduce(picked, reduction);
    }

    /// <summary>Cross-entropy of raw <paramref name="logits"/> [N, C] against int64 class <paramref name="target"/> [N].</summary>
    /// <remarks>PyTorch: <c>torch.nn.functional.cross_entropy</c>; equals NllLoss(LogSoftmax(logits, 1), target).</remarks>
    public static Tensor CrossEntropy(Tensor logits, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return NllLoss(logits.LogSoftmax(1), target, reduction);
    }

    internal static Tensor Reduce(Tensor losses, Reduction reduction) => reduction switch
    {
        Reduction.Mean => losses.Mean(),
        Reduction.Sum => losses.Sum(),
        _ => losses,
    };
}
