using Kiln.Tensors.Ops;

namespace Kiln.Tensors;

/// <summary>Reduction facet: sum, mean, max, min and argmax.</summary>
public sealed partial class Tensor
{
    /// <summary>Sums all elements into a rank-0 tensor.</summary>
    /// <remarks>PyTorch: <c>torch.sum</c>.</remarks>
    public Tensor Sum() => ReductionOps.Sum(this, null, false);

    /// <summary>Sums over <paramref name="dims"/>, keeping them as size 1 when <paramref name="keepDim"/> is true.</summary>
    /// <remarks>PyTorch: <c>torch.sum(dim, keepdim)</c>.</remarks>
    public Tensor Sum(int[] dims, bool keepDim = false) => ReductionOps.Sum(this, dims, keepDim);

    /// <summary>Sums over one dimension.</summary>
    /// <remarks>PyTorch: <c>torch.sum(dim, keepdim)</c>.</remarks>
    public Tensor Sum(int dim, bool keepDim = false) => ReductionOps.Sum(this, [dim], keepDim);

    /// <summary>Averages all elements into a rank-0 tensor.</summary>
    /// <remarks>PyTorch: <c>torch.mean</c>.</remarks>
    public Tensor Mean() => ReductionOps.Mean(this, null, false);

    /// <summary>Averages over <paramref name="dims"/>.</summary>
    /// <remarks>PyTorch: <c>torch.mean(dim, keepdim)</c>.</remarks>
    public Tensor Mean(int[] dims, bool keepDim = false) => ReductionOps.Mean(this, dims, keepDim);

    /// <summary>Averages over one dimension.</summary>
    /// <remarks>PyTorch: <c>torch.mean(dim, keepdim)</c>.</remarks>
    public Tensor Mean(int dim, bool keepDim = false) => ReductionOps.Mean(this, [dim], keepDim);

    /// <summary>The largest element, as a rank-0 tensor.</summary>
    /// <remarks>PyTorch: <c>torch.max()</c>; the gradient flows to the first maximal element.</remarks>
    public Tensor Max() => ReductionOps.Max(this, null, false);

    /// <summary>The largest values along <paramref name="dim"/>.</summary>
    /// <remarks>PyTorch: <c>torch.max(dim, keepdim).values</c>; use <see cref="ArgMax(int, bool)"/> for the indices.</remarks>
    public Tensor Max(int dim, bool keepDim = false) => ReductionOps.Max(this, dim, keepDim);

    /// <summary>The smallest element, as a rank-0 tensor.</summary>
    /// <remarks>PyTorch: <c>torch.min()</c>.</remarks>
    public Tensor Min() => -ReductionOps.Max(-this, null, false);

    /// <summary>The smallest values along <paramref name="dim"/>.</summary>
    /// <remarks>PyTorch: <c>torch.min(dim, keepdim).values</c>.</remarks>
    public Tensor Min(int dim, bool keepDim = false) => -ReductionOps.Max(-this, dim, keepDim);

    /// <summary>The flat index of the largest element, as a rank-0 int64 tensor.</summary>
    /// <remarks>PyTorch: <c>torch.argmax()</c>; ties resolve to the first index.</remarks>
    public Tensor ArgMax() => ReductionOps.ArgMax(this, null, false);

    /// <summary>The indices of the largest values along <paramref name="dim"/>, as int64.</summary>
    /// <remarks>PyTorch: <c>torch.argmax(dim, keepdim)</c>; ties resolve to the first index.</remarks>
    public Tensor ArgMax(int dim, bool keepDim = false) => ReductionOps.ArgMax(this, dim, keepDim);

    /// <summary>The variance over <paramref name="dims"/> (all when null), with Bessel's correction when <paramref name="unbiased"/>.</summary>
    /// <remarks>PyTorch: <c>torch.var(dim, unbiased, keepdim)</c>.</remarks>
    public Tensor Var(int[]? dims = null, bool unbiased = true, bool keepDim = false)
    {
        var all = dims ?? Enumerable.Range(0, Rank).ToArray();
        var count = all.Aggregate(1, (n, d) => n * Size(d));
        var centered = this - Mean(all, keepDim: true);
        var sum = centered.Square().Sum(all, keepDim);
        return sum * (1f / Math.Max(count - (unbiased ? 1 : 0), 1));
    }
}
