namespace Kiln.Tensors.Ops;

/// <summary>Forward and backward of slicing, concatenation, index select and gather.</summary>
internal static class IndexingOps
{
    public static Tensor Slice(Tensor x, int dim, int? start, int? end, int step)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        var d = x.Shape.Normalize(dim);
        var size = x.Dims[d];
        var s = Clip(start ?? 0, size);
        var e = Clip(end ?? size, size);
        var count = e > s ? ((e - s + step - 1) / step) : 0;
        var (outer, n, inner) = Guard.Split(x.Dims, d);
        var outShape = Guard.With(x.Dims, d, count);
        return Tensor.FromOp(
            x.Backend.Slice(x.Storage, outer, n, inner, s, step, count),
            outShape,
            "SliceBackward",
            [x],
            g => [new Tensor(g.Backend.SliceBackward(g.Storage, outer, n, inner, s, step, count), x.Dims)]);
    }

    public static Tensor Narrow(Tensor x, int dim, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(x);
        var d = x.Shape.Normalize(dim);
        var size = x.Dims[d];
        var s = start < 0 ? start + size : start;
        if (s < 0 || length < 0 || s + length > size)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Narrow: start {start} and length {length} do not fit dimension {d} of shape {x.Shape} (size {size}).");
        }

        var (outer, n, inner) = Guard.Split(x.Dims, d);
        if (outer == 1 && x.Backend.ViewOf(x.Storage, s * inner, length * inner) is { } view)
        {
            // Nothing before dimension d: the slice is one contiguous run of the storage, so it can share it.
            x.Storage.MarkViewed();
            view.MarkAsView();
            return Tensor.FromOp(
                view,
                Guard.With(x.Dims, d, length),
                "SliceBackward",
                [x],
                g => [new Tensor(g.Backend.SliceBackward(g.Storage, outer, n, inner, s, 1, length), x.Dims)]);
        }

        return Slice(x, d, s, s + length, 1);
    }

    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int dim)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Concat: give at least one tensor.", nameof(tensors));
        }

        var first = tensors[0];
        var d = first.Shape.Normalize(dim);
        foreach (var t in tensors)
        {
            ArgumentNullException.ThrowIfNull(t);
            Guard.SameDevice("Concat", first, t);
            DTypeMismatchException.ThrowIfNot("Concat", t, first.DType, "every tensor");
            var same = t.Rank == first.Rank && Enumerable.Range(0, t.Rank).All(i => i == d || t.Dims[i] == first.Dims[i]);
            if (!same)
            {
                throw new ShapeMismatchException("Concat", first.Shape, t.Shape, $"differ outside dimension {d}; only the concatenated dimension may differ.");
            }
        }

        var sizes = tensors.Select(t => t.Dims[d]).ToArray();
        var (outer, _, inner) = Guard.Split(first.Dims, d);
        var outShape = Guard.With(first.Dims, d, sizes.Sum());
        var inputs = tensors.ToArray();
        return Tensor.FromOp(
            first.Backend.Concat(inputs.Select(t => t.Storage).ToArray(), outer, sizes, inner),
            outShape,
            "CatBackward",
            inputs,
            g =>
            {
                var grads = new Tensor?[inputs.Length];
                var offset = 0;
                for (var i = 0; i < inputs.Length; i++)
                {
                    grads[i] = inputs[i].RequiresGrad ? Slice(g, d, offset, offset + sizes[i], 1) : null;
                    offset += sizes[i];
                }

                return grads;
            });
    }

    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Stack: give at least one tensor.", nameof(tensors));
        }

        foreach (var t in tensors)
        {
            ArgumentNullException.ThrowIfNull(t);
            if (t.Shape != tensors[0].Shape)
            {
                throw new ShapeMismatchException("Stack", tensors[0].Shape, t.Shape, "differ; Stack needs equal shapes.");
            }
        }

        var rank = tensors[0].Rank + 1;
        var d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), $"Stack: dimension {dim} is out of range for the result rank {rank}.");
        }

        return Concat(tensors.Select(t => t.Unsqueeze(d)).ToArray(), d);
    }

    public static Tensor IndexSelect(Tensor x, int dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(index);
        DTypeMismatchException.ThrowIfNot("IndexSelect", index, DType.Int64, "index");
        Guard.SameDevice("IndexSelect", x, index);
        if (index.Rank > 1)
        {
            throw new ShapeMismatchException($"IndexSelect: index has shape {index.Shape}; it must be 1-D (flatten it and reshape the result).");
        }

        var d = x.Shape.Normalize(dim);
        var (outer, n, inner) = Guard.Split(x.Dims, d);
        var outShape = Guard.With(x.Dims, d, index.ElementCount);
        return Tensor.FromOp(
            x.Backend.IndexSelect(x.Storage, outer, n, inner, index.Storage),
            outShape,
            "IndexSelectBackward",
            [x],
            g => [new Tensor(g.Backend.IndexAdd(g.Storage, outer, n, inner, index.Storage), x.Dims)]);
    }

    public static Tensor Gather(Tensor x, int dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(index);
        DTypeMismatchException.ThrowIfNot("Gather", index, DType.Int64, "index");
        Guard.SameDevice("Gather", x, index);
        var d = x.Shape.Normalize(dim);
        var fits = index.Rank == x.Rank && Enumerable.Range(0, x.Rank).All(i => i == d || index.Dims[i] <= x.Dims[i]);
        if (!fits)
        {
            throw new ShapeMismatchException("Gather", x.Shape, index.Shape, $"do not fit; index needs the input's rank and sizes no larger outside dimension {d}.");
        }

        return Tensor.FromOp(
            x.Backend.Gather(x.Storage, x.Dims, d, index.Storage, index.Dims),
            index.Dims,
            "GatherBackward",
            [x],
            g => [new Tensor(g.Backend.ScatterAdd(g.Storage, x.Dims, d, index.Storage, index.Dims), x.Dims)]);
    }

    private static int Clip(int i, int size) => Math.Clamp(i < 0 ? i + size : i, 0, size);
}
