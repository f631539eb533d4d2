using Kiln.Tensors.Backends;

namespace Kiln.Tensors.Ops;

/// <summary>Forward and backward of sum, mean, max/min and argmax over dimensions.</summary>
internal static class ReductionOps
{
    public static Tensor Sum(Tensor x, int[]? dims, bool keepDim)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Float("Sum", x);
        var reduced = Normalize(x, dims);
        var keptShape = (int[])x.Dims.Clone();
        var storage = x.Storage;
        var current = (int[])x.Dims.Clone();
        foreach (var d in reduced.OrderDescending())
        {
            var (outer, n, inner) = Guard.Split(current, d);
            storage = x.Backend.Reduce(ReduceKind.Sum, storage, outer, n, inner);
            current[d] = 1;
            keptShape[d] = 1;
        }

        var outShape = keepDim ? keptShape : Drop(x.Dims, reduced);
        var inputShape = x.Dims;
        return Tensor.FromOp(storage, outShape, "SumBackward", [x], g => [g.Reshape(keptShape).Expand(inputShape)]);
    }

    public static Tensor Mean(Tensor x, int[]? dims, bool keepDim)
    {
        ArgumentNullException.ThrowIfNull(x);
        var reduced = Normalize(x, dims);
        var count = 1;
        foreach (var d in reduced) { count *= x.Dims[d]; }
        return Sum(x, dims, keepDim) * (1f / count);
    }

    public static Tensor ArgMax(Tensor x, int? dim, bool keepDim)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Float("ArgMax", x);
        if (dim is null)
        {
            var flat = x.Reshape(-1);
            return ArgMax(flat, 0, false).Reshape(keepDim ? Ones(x.Rank) : []);
        }

        var d = x.Shape.Normalize(dim.Value);
        var (outer, n, inner) = Guard.Split(x.Dims, d);
        if (n == 0)
        {
            throw new ArgumentException($"ArgMax: dimension {d} of shape {x.Shape} is empty; there is no maximum.", nameof(dim));
        }

        var kept = Guard.With(x.Dims, d, 1);
        return new Tensor(x.Backend.Reduce(ReduceKind.ArgMax, x.Storage, outer, n, inner), keepDim ? kept : Drop(x.Dims, [d]));
    }

    public static Tensor Max(Tensor x, int? dim, bool keepDim)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (dim is null)
        {
            var all = Max(x.Reshape(-1), 0, false);
            return keepDim ? all.Reshape(Ones(x.Rank)) : all;
        }

        var d = x.Shape.Normalize(dim.Value);
        var values = x.Gather(d, ArgMax(x, d, keepDim: true));
        return keepDim ? values : values.Squeeze(d);
    }

    private static int[] Ones(int rank) => Enumerable.Repeat(1, rank).ToArray();

    private static int[] Normalize(Tensor x, int[]? dims)
    {
        if (dims is null)
        {
            return Enumerable.Range(0, x.Rank).ToArray();
        }

        var set = new SortedSet<int>();
        foreach (var d in dims)
        {
            if (!set.Add(x.Shape.Normalize(d)))
            {
                throw new ArgumentException($"Dimension {d} appears twice in the reduction over shape {x.Shape}.", nameof(dims));
            }
        }

        return [.. set];
    }

    private static int[] Drop(int[] shape, int[] dims) =>
        shape.Where((_, i) => Array.IndexOf(dims, i) < 0).ToArray();
}
