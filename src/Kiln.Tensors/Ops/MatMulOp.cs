namespace Kiln.Tensors.Ops;

/// <summary>Forward and backward of the (batched, broadcast) matrix product.</summary>
internal static class MatMulOp
{
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Guard.Float("MatMul", a, "left");
        Guard.Float("MatMul", b, "right");
        Guard.SameDevice("MatMul", a, b);
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw new ShapeMismatchException("MatMul", a.Shape, b.Shape, "cannot be multiplied (scalars have no matrix dimensions; use Mul).");
        }

        if (a.Rank == 1)
        {
            return MatMul(a.Unsqueeze(0), b).Squeeze(-2);
        }

        if (b.Rank == 1)
        {
            return MatMul(a, b.Unsqueeze(1)).Squeeze(-1);
        }

        int m = a.Dims[^2], k = a.Dims[^1], k2 = b.Dims[^2], n = b.Dims[^1];
        if (k != k2)
        {
            throw new ShapeMismatchException("MatMul", a.Shape, b.Shape, $"cannot be multiplied ({k} != {k2})");
        }

        if (b.Rank == 2 && a.Rank > 2)
        {
            // [..., m, k] @ [k, n]: fold the batch into rows, one GEMM.
            var rows = a.Reshape(-1, k);
            return Product(rows, b, 1, false, false).Reshape([.. a.Dims[..^1], n]);
        }

        var batchShape = Guard.BroadcastShape("MatMul", a.Dims[..^2], b.Dims[..^2]);
        var batch = Shape.ElementCountOf(batchShape);
        var aBatch = Shape.ElementCountOf(a.Dims.AsSpan(0, a.Rank - 2));
        var bBatch = Shape.ElementCountOf(b.Dims.AsSpan(0, b.Rank - 2));
        var left = aBatch == batch || aBatch == 1 ? a : a.Expand([.. batchShape, m, k]);
        var right = bBatch == batch || bBatch == 1 ? b : b.Expand([.. batchShape, k, n]);
        var result = Product(left, right, batch, aBatch == 1 && batch > 1, bBatch == 1 && batch > 1);
        return result.Reshape([.. batchShape, m, n]);
    }

    /// <summary>x · wᵀ (+ b) for x [..., in], w [out, in] and b [out], as one GEMM with a transposed right operand (no copy of w).</summary>
    /// <remarks>The bias is added in place to the GEMM result and its gradient is the column sum of the output gradient, all in one node.</remarks>
    public static Tensor MatMulTransposed(Tensor x, Tensor w, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        Guard.Float("Linear", x, "input");
        Guard.Float("Linear", w, "weight");
        Guard.SameDevice("Linear", x, w);
        if (x.Rank == 0 || w.Rank != 2 || x.Dims[^1] != w.Dims[1])
        {
            throw new ShapeMismatchException("Linear", x.Shape, w.Shape, $"do not fit; input [..., in] needs weight [out, in].");
        }

        int k = w.Dims[1], n = w.Dims[0];
        var rows = x.Rank == 2 ? x : x.Reshape(-1, k);
        var m = rows.Dims[0];
        var storage = x.Backend.MatMul(rows.Storage, w.Storage, 1, m, k, n, false, true, false, false);
        Tensor y;
        if (bias is null)
        {
            y = Tensor.FromOp(storage, [m, n], "LinearBackward", [rows, w], g => [InputGradient(g), WeightGradient(g)]);
        }
        else
        {
            Guard.Float("Linear", bias, "bias");
            Guard.SameDevice("Linear", x, bias);
            if (bias.Rank != 1 || bias.Dims[0] != n)
            {
                throw new ShapeMismatchException("Linear", w.Shape, bias.Shape, $"do not fit; weight [out, in] needs bias [out].");
            }

            x.Backend.AddRowInPlace(storage, bias.Storage);
            y = Tensor.FromOp(storage, [m, n], "AddmmBackward", [rows, w, bias], g =>
                [InputGradient(g), WeightGradient(g), bias.RequiresGrad ? ReductionOps.Sum(g, [0], keepDim: false) : null]);
        }

        return x.Rank == 2 ? y : y.Reshape([.. x.Dims[..^1], n]);

        Tensor? InputGradient(Tensor g) =>
            rows.RequiresGrad ? new Tensor(g.Backend.MatMul(g.Storage, w.Storage, 1, m, n, k, false, false, false, false), [m, k]) : null;

        Tensor? WeightGradient(Tensor g)
        {
            if (!w.RequiresGrad)
            {
                return null;
            }

            if (w.IsLeaf && w.Grad is { } kept && kept.Device.Equals(w.Device))
            {
                // A kept gradient (ZeroGrad(setToNone: false), or accumulation over several backwards) takes the product
                // straight from the GEMM (β = 1): no temporary, no separate add. The engine then has nothing to add for w.
                g.Backend.MatMulAccumulate(kept.Storage, g.Storage, rows.Storage, n, m, k, true, false);
                return null;
            }

            return new Tensor(g.Backend.MatMul(g.Storage, rows.Storage, 1, n, m, k, true, false, false, false), [n, k]);
        }
    }

    /// <summary>C[batch, m, n] from A[(batch,) m, k] and B[(batch,) k, n]; a broadcast operand holds one matrix.</summary>
    private static Tensor Product(Tensor a, Tensor b, int batch, bool broadcastA, bool broadcastB)
    {
        int m = a.Dims[^2], k = a.Dims[^1], n = b.Dims[^1];
        var storage = a.Backend.MatMul(a.Storage, b.Storage, batch, m, k, n, false, false, broadcastA, broadcastB);
        return Tensor.FromOp(storage, [batch, m, n], "MmBackward", [a, b], g =>
        {
            Tensor? ga = null, gb = null;
            if (a.RequiresGrad)
            {
                // dA = G · Bᵀ, summed over the batch when A was broadcast.
                var s = g.Backend.MatMul(g.Storage, b.Storage, batch, m, n, k, false, true, false, broadcastB);
                ga = new Tensor(s, [batch, m, k]);
                ga = broadcastA ? ga.Sum([0]).Reshape(a.Dims) : ga.Reshape(a.Dims);
            }

            if (b.RequiresGrad)
            {
                // dB = Aᵀ · G.
                var s = g.Backend.MatMul(a.Storage, g.Storage, batch, k, m, n, true, false, broadcastA, false);
                gb = new Tensor(s, [batch, k, n]);
                gb = broadcastB ? gb.Sum([0]).Reshape(b.Dims) : gb.Reshape(b.Dims);
            }

            return [ga, gb];
        });
    }
}
