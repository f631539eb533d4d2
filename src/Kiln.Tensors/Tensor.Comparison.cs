using Kiln.Tensors.Backends;
using Kiln.Tensors.Ops;

namespace Kiln.Tensors;

/// <summary>Comparison facet: elementwise comparisons producing bool masks (not differentiable), and selection by mask.</summary>
public sealed partial class Tensor
{
    /// <summary>Elementwise equality with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.eq</c>.</remarks>
    public Tensor Eq(Tensor other) => Compare(CompareKind.Eq, other);

    /// <summary>Elementwise inequality with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.ne</c>.</remarks>
    public Tensor Ne(Tensor other) => Compare(CompareKind.Ne, other);

    /// <summary>Elementwise greater-than with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.gt</c>.</remarks>
    public Tensor Gt(Tensor other) => Compare(CompareKind.Gt, other);

    /// <summary>Elementwise greater-or-equal with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.ge</c>.</remarks>
    public Tensor Ge(Tensor other) => Compare(CompareKind.Ge, other);

    /// <summary>Elementwise less-than with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.lt</c>.</remarks>
    public Tensor Lt(Tensor other) => Compare(CompareKind.Lt, other);

    /// <summary>Elementwise less-or-equal with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.le</c>.</remarks>
    public Tensor Le(Tensor other) => Compare(CompareKind.Le, other);

    /// <summary>Elementwise equality with a scalar.</summary>
    /// <remarks>PyTorch: <c>torch.eq</c>.</remarks>
    public Tensor Eq(double value) => Compare(CompareKind.Eq, ScalarLike(value));

    /// <summary>Elementwise greater-than a scalar.</summary>
    /// <remarks>PyTorch: <c>torch.gt</c>.</remarks>
    public Tensor Gt(double value) => Compare(CompareKind.Gt, ScalarLike(value));

    /// <summary>Elementwise less-than a scalar.</summary>
    /// <remarks>PyTorch: <c>torch.lt</c>.</remarks>
    public Tensor Lt(double value) => Compare(CompareKind.Lt, ScalarLike(value));

    /// <summary>Chooses <paramref name="x"/> where <paramref name="condition"/> is true and <paramref name="y"/> elsewhere, with broadcasting.</summary>
    /// <remarks>PyTorch: <c>torch.where(condition, x, y)</c>; differentiable in x and y.</remarks>
    public static Tensor Where(Tensor condition, Tensor x, Tensor y) => WhereOp.Where(condition, x, y);

    /// <summary>Replaces the elements where the bool <paramref name="mask"/> is true with <paramref name="value"/>.</summary>
    /// <remarks>PyTorch: <c>Tensor.masked_fill(mask, value)</c>; the mask broadcasts to this tensor's shape.</remarks>
    public Tensor MaskedFill(Tensor mask, float value) => WhereOp.Where(mask, Full(new Shape(), value, DType.Float32, Device), this);

    private Tensor ScalarLike(double value) => Full(new Shape(), value, DType, Device);

    private Tensor Compare(CompareKind kind, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var op = kind.ToString();
        DTypeMismatchException.ThrowIfNot(op, other, DType, "right");
        Guard.SameDevice(op, this, other);
        var outShape = Guard.BroadcastShape(op, Dims, other.Dims);
        return new Tensor(Backend.Compare(kind, Storage, Dims, other.Storage, other.Dims, outShape), outShape);
    }
}
