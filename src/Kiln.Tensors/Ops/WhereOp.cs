namespace Kiln.Tensors.Ops;

/// <summary>Forward and backward of the broadcast elementwise choice condition ? x : y.</summary>
internal static class WhereOp
{
    public static Tensor Where(Tensor condition, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        DTypeMismatchException.ThrowIfNot("Where", condition, DType.Bool, "condition");
        Guard.Float("Where", x, "x");
        Guard.Float("Where", y, "y");
        Guard.SameDevice("Where", condition, x);
        Guard.SameDevice("Where", x, y);
        var outShape = Guard.BroadcastShape("Where", Guard.BroadcastShape("Where", condition.Dims, x.Dims), y.Dims);
        var backend = x.Backend;
        var c = Broadcast(condition, outShape);
        var storage = backend.Select(c.Storage, Broadcast(x, outShape).Storage, Broadcast(y, outShape).Storage);
        return Tensor.FromOp(storage, outShape, "WhereBackward", [x, y], g =>
        {
            var zeros = Tensor.ZerosLike(g);
            return
            [
                x.RequiresGrad ? ArithmeticOps.SumTo(new Tensor(backend.Select(c.Storage, g.Storage, zeros.Storage), outShape), x) : null,
                y.RequiresGrad ? ArithmeticOps.SumTo(new Tensor(backend.Select(c.Storage, zeros.Storage, g.Storage), outShape), y) : null,
            ];
        });
    }

    private static Tensor Broadcast(Tensor t, int[] shape) =>
        t.Dims.AsSpan().SequenceEqual(shape) ? t : new Tensor(t.Backend.Expand(t.Storage, t.Dims, shape), shape);
}
