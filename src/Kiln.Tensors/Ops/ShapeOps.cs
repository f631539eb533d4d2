namespace Kiln.Tensors.Ops;

/// <summary>Forward and backward of reshape (a view), expand, permute and transpose (copies).</summary>
internal static class ShapeOps
{
    public static Tensor Reshape(Tensor x, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = Resolve(x, shape);
        var original = x.Dims;
        return Tensor.FromOp(x.Storage, resolved, "ViewBackward", [x], g => [g.Reshape(original)]);
    }

    public static Tensor Expand(Tensor x, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        var target = (int[])shape.Clone();
        var lead = target.Length - x.Rank;
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] == -1 && i >= lead)
            {
                target[i] = x.Dims[i - lead];
            }
        }

        var ok = lead >= 0;
        for (var i = 0; ok && i < x.Rank; i++)
        {
            ok = x.Dims[i] == target[i + lead] || x.Dims[i] == 1;
        }

        if (!ok)
        {
            throw new ShapeMismatchException("Expand", x.Shape, Shape.Wrap(target), "do not fit; only size-1 dimensions can be expanded.");
        }

        if (target.AsSpan().SequenceEqual(x.Dims))
        {
            return x;
        }

        return Tensor.FromOp(x.Backend.Expand(x.Storage, x.Dims, target), target, "ExpandBackward", [x], g => [ArithmeticOps.SumTo(g, x)]);
    }

    public static Tensor Permute(Tensor x, int[] dims)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length != x.Rank)
        {
            throw new ArgumentException($"Permute: {dims.Length} dimensions were given for a tensor of shape {x.Shape}; give a permutation of all {x.Rank}.", nameof(dims));
        }

        var perm = dims.Select(d => x.Shape.Normalize(d)).ToArray();
        if (perm.Distinct().Count() != perm.Length)
        {
            throw new ArgumentException($"Permute: [{string.Join(", ", dims)}] repeats a dimension; give each of 0..{x.Rank - 1} once.", nameof(dims));
        }

        var inverse = new int[perm.Length];
        for (var i = 0; i < perm.Length; i++) { inverse[perm[i]] = i; }
        var outShape = perm.Select(p => x.Dims[p]).ToArray();
        return Tensor.FromOp(x.Backend.Permute(x.Storage, x.Dims, perm), outShape, "PermuteBackward", [x], g => [Permute(g, inverse)]);
    }

    public static Tensor Transpose(Tensor x, int dim0, int dim1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var perm = Enumerable.Range(0, x.Rank).ToArray();
        var a = x.Shape.Normalize(dim0);
        var b = x.Shape.Normalize(dim1);
        (perm[a], perm[b]) = (perm[b], perm[a]);
        return a == b ? x : Permute(x, perm);
    }

    private static int[] Resolve(Tensor x, int[] shape)
    {
        var resolved = (int[])shape.Clone();
        var infer = -1;
        long known = 1;
        for (var i = 0; i < resolved.Length; i++)
        {
            if (resolved[i] == -1 && infer < 0)
            {
                infer = i;
            }
            else if (resolved[i] < 0)
            {
                throw new ShapeMismatchException($"Reshape: [{string.Join(", ", shape)}] is not a valid shape; use sizes ≥ 0 and at most one -1.");
            }
            else
            {
                known *= resolved[i];
            }
        }

        if (infer >= 0 && known > 0 && x.ElementCount % known == 0)
        {
            resolved[infer] = (int)(x.ElementCount / known);
        }

        if (infer >= 0 ? known == 0 || x.ElementCount % known != 0 : known != x.ElementCount)
        {
            throw new ShapeMismatchException($"Reshape: shape {x.Shape} ({x.ElementCount} elements) cannot be viewed as [{string.Join(", ", shape)}].");
        }

        return resolved;
    }
}
