using Kiln.Data;
using Kiln.Tensors;

namespace Kiln.Data.Tests;

public class FrameTensorsTests
{
    private static readonly Frame Sample = new(
        new PrimitiveColumn<double>("a", [1.5, 2.5, 3.5]),
        new PrimitiveColumn<long>("label", [0L, 2L, 1L]),
        new PrimitiveColumn<bool>("flag", [true, false, true]));

    [Fact]
    public void ToTensor_SelectedColumns_RowMajorFloat32()
    {
        var tensor = Sample.ToTensor("a", "flag");

        tensor.Shape.ToString().ShouldBe("[3, 2]");
        tensor.DType.ShouldBe(DType.Float32);
        tensor.ToArray().ShouldBe([1.5f, 1f, 2.5f, 0f, 3.5f, 1f]);
    }

    [Fact]
    public void ToLabelTensor_IntegerColumn_Int64Vector()
    {
        var labels = Sample.ToLabelTensor("label");

        labels.DType.ShouldBe(DType.Int64);
        labels.ToArray<long>().ShouldBe([0L, 2L, 1L]);
    }

    [Fact]
    public void ToLabelTensor_FractionalValues_ThrowsNamingRow() =>
        Should.Throw<InvalidOperationException>(() => Sample.ToLabelTensor("a")).Message.ShouldContain("row 0");
}
