namespace Kiln.Tensors.Tests.Ops;

/// <summary>NumPy broadcasting rules, checked against values computed by hand from the rules.</summary>
public sealed class BroadcastingTests
{
    [Fact]
    public void Add_ColumnAndRow_FormsOuterSum()
    {
        var column = Tensor.FromArray([0f, 10f, 20f], 3, 1);
        var row = Tensor.FromArray([1f, 2f], 2);

        var sum = column + row;

        sum.Shape.ShouldBe(new Shape(3, 2));
        sum.ToArray().ShouldBe([1f, 2f, 11f, 12f, 21f, 22f]);
    }

    [Fact]
    public void Mul_RankZeroTensor_ScalesEveryElement()
    {
        var product = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2) * Tensor.Scalar(2f);

        product.Shape.ShouldBe(new Shape(2, 2));
        product.ToArray().ShouldBe([2f, 4f, 6f, 8f]);
    }

    [Fact]
    public void Sub_BroadcastGradient_SumsOverBroadcastDimensions()
    {
        var a = Tensor.Zeros(new Shape(2, 3), requiresGrad: true);
        var b = Tensor.Zeros(new Shape(3), requiresGrad: true);

        (a - b).Sum().Backward();

        a.Grad!.ToArray().ShouldAllBe(v => v == 1f);
        b.Grad!.ToArray().ShouldBe([-2f, -2f, -2f]);
    }

    [Fact]
    public void Compare_Int64Labels_GivesBoolMaskAndAccuracy()
    {
        var predicted = Tensor.FromArray([0.1f, 0.9f, 0.8f, 0.2f, 0.3f, 0.7f], 3, 2).ArgMax(1);
        var labels = Tensor.FromArray([1L, 0L, 0L], 3);

        var correct = predicted.Eq(labels);

        correct.DType.ShouldBe(DType.Bool);
        correct.ToArray<bool>().ShouldBe([true, true, false]);
        correct.ToType(DType.Float32).Mean().Item().ShouldBe(2f / 3f, 1e-6f);
        Tensor.FromArray([1f, 2f, 3f], 3).Gt(2).ToArray<bool>().ShouldBe([false, false, true]);
    }
}
