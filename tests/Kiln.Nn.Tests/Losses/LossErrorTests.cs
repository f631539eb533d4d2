using Kiln.Tensors;

namespace Kiln.Nn.Tests.Losses;

public sealed class LossErrorTests
{
    [Fact]
    public void MSELoss_DifferentShapes_NamesBothShapes()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => new MSELoss().Forward(Tensor.Zeros(4, 1), Tensor.Zeros(4)));
        ex.Message.ShouldContain("MSELoss");
        ex.Message.ShouldContain("[4, 1]");
        ex.Message.ShouldContain("[4]");
    }

    [Fact]
    public void CrossEntropyLoss_TargetOutOfRange_NamesTheRowAndClasses()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => new CrossEntropyLoss().Forward(Tensor.Zeros(2, 3), Tensor.FromArray([0L, 3L], 2)));
        ex.Message.ShouldContain("target 3 at row 1");
    }

    [Fact]
    public void CrossEntropyLoss_FloatTarget_AsksForInt64()
    {
        var ex = Should.Throw<ArgumentException>(() => new CrossEntropyLoss().Forward(Tensor.Zeros(2, 3), Tensor.Zeros(2)));
        ex.Message.ShouldContain("int64");
    }
}
