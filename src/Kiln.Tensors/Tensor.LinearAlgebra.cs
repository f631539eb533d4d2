using Kiln.Tensors.Ops;

namespace Kiln.Tensors;

/// <summary>Linear algebra facet: matrix products.</summary>
public sealed partial class Tensor
{
    /// <summary>Matrix product: 1-D·1-D is a dot product, 2-D·2-D a GEMM, and leading batch dimensions broadcast.</summary>
    /// <remarks>PyTorch: <c>torch.matmul</c>.</remarks>
    /// <exception cref="ShapeMismatchException">The inner dimensions differ or batch dimensions do not broadcast.</exception>
    public static Tensor MatMul(Tensor left, Tensor right) => MatMulOp.MatMul(left, right);

    /// <summary>Matrix product of this tensor with <paramref name="other"/>.</summary>
    /// <remarks>PyTorch: <c>Tensor.matmul</c>.</remarks>
    public Tensor MatMul(Tensor other) => MatMulOp.MatMul(this, other);
}
