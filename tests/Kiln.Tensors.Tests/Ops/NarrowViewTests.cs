using Kiln.Tensors.Backends.Cpu;
using Kiln.Tensors.Tests.Backends;

namespace Kiln.Tensors.Tests.Ops;

/// <summary>On the CPU a narrow over one contiguous run of a tensor shares its storage; other narrows copy.</summary>
public sealed class NarrowViewTests
{
    [Fact]
    public void Narrow_RowsOfMatrix_IsAViewWhoseWritesShowInTheBase()
    {
        var x = Tensor.Arange(0, 12).Reshape(4, 3);

        var rows = x.Narrow(0, 1, 2);
        rows.Fill(-1);

        rows.Shape.ShouldBe(new Shape(2, 3));
        x.ToArray().ShouldBe([0f, 1, 2, -1, -1, -1, -1, -1, -1, 9, 10, 11]);
    }

    [Fact]
    public void Select_RowThenOps_ReadsOnlyThatRow()
    {
        var x = Tensor.Arange(0, 12).Reshape(4, 3);

        var row = x[2];

        row.ToArray().ShouldBe([6f, 7, 8]);
        (row * 2f).Sum().Item().ShouldBe(42f);
        row.MatMul(Tensor.Ones(3, 1)).ToArray().ShouldBe([21f]);
        x[3].Narrow(0, 1, 2).ToArray().ShouldBe([10f, 11]);
    }

    [Fact]
    public void Narrow_InnerDimension_Copies()
    {
        var x = Tensor.Arange(0, 12).Reshape(4, 3);

        x.Narrow(1, 0, 2).Fill(-1);

        x.ToArray().ShouldBe([.. Enumerable.Range(0, 12).Select(i => (float)i)]);
    }

    [Fact]
    public void Narrow_ViewOfParameter_GradientLandsOnTheRows()
    {
        var w = Tensor.Arange(0, 6).Reshape(3, 2).RequireGrad();

        (w.Narrow(0, 1, 2) * 3f).Sum().Backward();

        w.Grad!.ToArray().ShouldBe([0f, 0, 3, 3, 3, 3]);
    }

    [Fact]
    public void Recycle_StorageSeenByAView_KeepsItsArrayOutOfThePool()
    {
        var length = 4093 * 3;
        var x = Tensor.Randn(new Shape(4093, 3), new Generator(2));
        var rows = x.Narrow(0, 10, 5);
        var expected = rows.ToArray();

        x.Storage.Recycle();
        FloatPool.Rent(length).AsSpan().Fill(float.NaN);

        rows.ToArray().ShouldBe(expected);
    }

    [Fact]
    public void Narrow_OnForwardingDevice_MatchesCpu()
    {
        var x = Tensor.Arange(0, 12).Reshape(4, 3);

        var onDevice = x.To(ForwardingBackend.Instance.Device).Narrow(0, 1, 2);

        onDevice.Device.ShouldBe(ForwardingBackend.Instance.Device);
        onDevice.ToArray().ShouldBe([3f, 4, 5, 6, 7, 8]);
    }
}
