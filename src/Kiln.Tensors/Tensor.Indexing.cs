using Kiln.Tensors.Ops;

namespace Kiln.Tensors;

/// <summary>Indexing facet: slicing, selection, concatenation, stacking, index select and gather.</summary>
public sealed partial class Tensor
{
    /// <summary>Takes elements start, start + step, … before end along <paramref name="dim"/>; bounds clip and may be negative.</summary>
    /// <remarks>PyTorch: <c>t[..., start:end:step]</c>. Always a copy.</remarks>
    public Tensor Slice(int dim, int? start = null, int? end = null, int step = 1) => IndexingOps.Slice(this, dim, start, end, step);

    /// <summary>Takes <paramref name="length"/> elements from <paramref name="start"/> along <paramref name="dim"/>.</summary>
    /// <remarks>
    /// PyTorch: <c>torch.narrow</c>. On the CPU a narrow whose elements are one contiguous run (every dimension before
    /// <paramref name="dim"/> has size 1, e.g. rows of a matrix) is a view: it shares storage, so in-place writes show
    /// through. Other narrows, and every narrow on a GPU device, copy.
    /// </remarks>
    public Tensor Narrow(int dim, int start, int length) => IndexingOps.Narrow(this, dim, start, length);

    /// <summary>Takes index <paramref name="index"/> along <paramref name="dim"/>, removing that dimension.</summary>
    /// <remarks>PyTorch: <c>torch.select</c>. A view under the same conditions as <see cref="Narrow"/>.</remarks>
    public Tensor Select(int dim, int index) => IndexingOps.Narrow(this, dim, index, 1).Squeeze(dim < 0 ? dim + Rank : dim);

    /// <summary>Picks the slices at int64 <paramref name="index"/> (1-D) along <paramref name="dim"/>.</summary>
    /// <remarks>PyTorch: <c>torch.index_select</c>.</remarks>
    public Tensor IndexSelect(int dim, Tensor index) => IndexingOps.IndexSelect(this, dim, index);

    /// <summary>out[i][j] = x[i][index[i][j]] for dim 1 (and likewise for other dims); the result has the index's shape.</summary>
    /// <remarks>PyTorch: <c>torch.gather</c>.</remarks>
    public Tensor Gather(int dim, Tensor index) => IndexingOps.Gather(this, dim, index);

    /// <summary>Joins tensors along an existing dimension.</summary>
    /// <remarks>PyTorch: <c>torch.cat</c>.</remarks>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int dim = 0) => IndexingOps.Concat(tensors, dim);

    /// <summary>Joins equally shaped tensors along a new dimension.</summary>
    /// <remarks>PyTorch: <c>torch.stack</c>.</remarks>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0) => IndexingOps.Stack(tensors, dim);
}
