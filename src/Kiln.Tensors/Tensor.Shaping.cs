using Kiln.Tensors.Ops;

namespace Kiln.Tensors;

/// <summary>Shaping facet: reshape and view (sharing storage), expand, transpose and permute (copying).</summary>
public sealed partial class Tensor
{
    /// <summary>Returns a tensor with the same data in a new shape, sharing storage; one size may be -1 (inferred).</summary>
    /// <remarks>PyTorch: <c>Tensor.reshape</c>. Always a view here, since storage is contiguous.</remarks>
    public Tensor Reshape(params int[] shape) => ShapeOps.Reshape(this, shape);

    /// <summary>Same as <see cref="Reshape"/>: a view of the same storage in a new shape.</summary>
    /// <remarks>PyTorch: <c>Tensor.view</c>.</remarks>
    public Tensor View(params int[] shape) => ShapeOps.Reshape(this, shape);

    /// <summary>Flattens dimensions <paramref name="startDim"/> through <paramref name="endDim"/> into one (a view).</summary>
    /// <remarks>PyTorch: <c>torch.flatten</c>.</remarks>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Rank == 0)
        {
            return Reshape(1);
        }

        var s = Shape.Normalize(startDim);
        var e = Shape.Normalize(endDim);
        var dims = new List<int>(Dims[..s]) { Shape.ElementCountOf(Dims.AsSpan(s, Math.Max(e - s + 1, 0))) };
        dims.AddRange(Dims[(e + 1)..]);
        return Reshape([.. dims]);
    }

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1, or every size-1 dimension when null (a view).</summary>
    /// <remarks>PyTorch: <c>torch.squeeze</c>.</remarks>
    public Tensor Squeeze(int? dim = null)
    {
        if (dim is null)
        {
            return Reshape(Dims.Where(d => d != 1).ToArray());
        }

        var d0 = Shape.Normalize(dim.Value);
        return Dims[d0] != 1 ? this : Reshape(Dims.Where((_, i) => i != d0).ToArray());
    }

    /// <summary>Inserts a size-1 dimension at <paramref name="dim"/> (a view); negative values count from the end of the result.</summary>
    /// <remarks>PyTorch: <c>torch.unsqueeze</c>.</remarks>
    public Tensor Unsqueeze(int dim)
    {
        var d = dim < 0 ? dim + Rank + 1 : dim;
        if (d < 0 || d > Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), $"Unsqueeze: dimension {dim} is out of range for shape {Shape}; use -{Rank + 1}..{Rank}.");
        }

        var dims = new List<int>(Dims);
        dims.Insert(d, 1);
        return Reshape([.. dims]);
    }

    /// <summary>Broadcasts size-1 dimensions to <paramref name="shape"/> (a copy); -1 keeps a size.</summary>
    /// <remarks>PyTorch: <c>Tensor.expand</c> (which would be a view there).</remarks>
    public Tensor Expand(params int[] shape) => ShapeOps.Expand(this, shape);

    /// <summary>Swaps two dimensions (a copy).</summary>
    /// <remarks>PyTorch: <c>torch.transpose</c>.</remarks>
    public Tensor Transpose(int dim0, int dim1) => ShapeOps.Transpose(this, dim0, dim1);

    /// <summary>Reorders the dimensions (a copy).</summary>
    /// <remarks>PyTorch: <c>torch.permute</c>.</remarks>
    public Tensor Permute(params int[] dims) => ShapeOps.Permute(this, dims);
}
