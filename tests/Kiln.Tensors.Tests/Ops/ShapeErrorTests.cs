namespace Kiln.Tensors.Tests.Ops;

public sealed class ShapeErrorTests
{
    [Fact]
    public void MatMul_InnerDimensionsDiffer_NamesOpAndBothShapes()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => Tensor.MatMul(Tensor.Zeros(2, 3), Tensor.Zeros(4, 5)));

        ex.Message.ShouldBe("MatMul: shapes [2, 3] and [4, 5] cannot be multiplied (3 != 4)");
    }

    [Fact]
    public void Add_IncompatibleShapes_NamesDimension()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => Tensor.Zeros(2, 3) + Tensor.Zeros(4));

        ex.Message.ShouldBe("Add: shapes [2, 3] and [4] cannot be broadcast (dimension 1: 3 != 4).");
    }

    [Fact]
    public void MatMul_BatchDimensionsDoNotBroadcast_Throws()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => Tensor.MatMul(Tensor.Zeros(2, 3, 4), Tensor.Zeros(3, 4, 5)));

        ex.Message.ShouldContain("MatMul: shapes [2] and [3]");
    }

    [Fact]
    public void Reshape_WrongElementCount_NamesBothShapes()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => Tensor.Zeros(2, 3).Reshape(4, -1));

        ex.Message.ShouldBe("Reshape: shape [2, 3] (6 elements) cannot be viewed as [4, -1].");
    }

    [Fact]
    public void Concat_MismatchedOtherDimensions_Throws()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => Tensor.Concat([Tensor.Zeros(2, 3), Tensor.Zeros(3, 3)], 1));

        ex.Message.ShouldContain("Concat: shapes [2, 3] and [3, 3] differ outside dimension 1");
    }

    [Fact]
    public void Conv2d_ChannelMismatch_NamesInputAndWeight()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => Functional.Conv2d(Tensor.Zeros(1, 3, 5, 5), Tensor.Zeros(2, 4, 3, 3)));

        ex.Message.ShouldContain("[1, 3, 5, 5] and [2, 4, 3, 3]");
    }

    [Fact]
    public void IndexSelect_FloatIndex_ThrowsDTypeMismatch()
    {
        var ex = Should.Throw<DTypeMismatchException>(() => Tensor.Zeros(3, 2).IndexSelect(0, Tensor.Zeros(2)));

        ex.Message.ShouldBe("IndexSelect: index has dtype Float32 but Int64 is required; convert it with .ToType(DType.Int64).");
    }

    [Fact]
    public void Add_Int64Tensor_ThrowsDTypeMismatch()
    {
        Should.Throw<DTypeMismatchException>(() => Tensor.Arange(3) + Tensor.Zeros(3));
    }

    [Fact]
    public void IndexSelect_IndexOutOfRange_ThrowsNamingIndex()
    {
        var ex = Should.Throw<IndexOutOfRangeException>(() => Tensor.Zeros(3, 2).IndexSelect(0, Tensor.FromArray([5L], 1)));

        ex.Message.ShouldContain("Index 5");
    }

    [Fact]
    public void Dimension_OutOfRange_ThrowsWithValidRange()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Sum(2));

        ex.Message.ShouldContain("Dimension 2 is out of range for shape [2, 3]");
    }
}
