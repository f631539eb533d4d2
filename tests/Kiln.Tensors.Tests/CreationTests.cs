namespace Kiln.Tensors.Tests;

public sealed class CreationTests
{
    [Fact]
    public void Zeros_Shape_HasFloatZerosOnCpu()
    {
        var t = Tensor.Zeros(2, 3);

        t.Shape.ShouldBe(new Shape(2, 3));
        t.DType.ShouldBe(DType.Float32);
        t.Device.ShouldBe(Device.Cpu);
        t.ElementCount.ShouldBe(6);
        t.ToArray().ShouldAllBe(v => v == 0f);
    }

    [Fact]
    public void Full_Int64_HoldsValue()
    {
        Tensor.Full(new Shape(2), 7, DType.Int64).ToArray<long>().ShouldBe([7L, 7L]);
        Tensor.Ones(new Shape(2), DType.Bool).ToArray<bool>().ShouldBe([true, true]);
    }

    [Fact]
    public void Arange_IntegerEnd_IsInt64Sequence()
    {
        var t = Tensor.Arange(4);

        t.DType.ShouldBe(DType.Int64);
        t.ToArray<long>().ShouldBe([0L, 1L, 2L, 3L]);
        Tensor.Arange(0.0, 1.0, 0.25).ToArray().ShouldBe([0f, 0.25f, 0.5f, 0.75f]);
    }

    [Fact]
    public void FromArray_WrongLength_ThrowsNamingShape()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => Tensor.FromArray([1f, 2f, 3f], 2, 2));

        ex.Message.ShouldBe("FromArray: 3 values cannot fill shape [2, 2] (4 elements).");
    }

    [Fact]
    public void FromArray_Rectangular_KeepsRowMajorOrder()
    {
        var t = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });

        t.Shape.ShouldBe(new Shape(2, 3));
        t[1].ToArray().ShouldBe([4f, 5f, 6f]);
    }

    [Fact]
    public void FromArray_CopiesInput()
    {
        var data = new[] { 1f, 2f };
        var t = Tensor.FromArray(data, 2);

        data[0] = 9f;

        t.ToArray().ShouldBe([1f, 2f]);
    }

    [Fact]
    public void Item_SingleElement_ReturnsValue()
    {
        Tensor.FromArray([1f, 2f, 3f], 3).Sum().Item().ShouldBe(6f);
        Tensor.Arange(0.0, 5.0).ArgMax().Item<long>().ShouldBe(4L);
        Should.Throw<InvalidOperationException>(() => Tensor.Ones(2).Item());
    }

    [Fact]
    public void ToArrayOfT_WrongType_ThrowsDTypeMismatch()
    {
        Should.Throw<DTypeMismatchException>(() => Tensor.Ones(2).ToArray<long>());
    }

    [Fact]
    public void Reshape_SharesStorageWithOriginal()
    {
        var t = Tensor.Zeros(2, 2);
        var view = t.Reshape(4);

        t.Fill(3);

        view.ToArray().ShouldBe([3f, 3f, 3f, 3f]);
    }
}
