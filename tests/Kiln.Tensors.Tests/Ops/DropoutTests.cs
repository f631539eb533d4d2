namespace Kiln.Tensors.Tests.Ops;

public sealed class DropoutTests
{
    [Fact]
    public void Dropout_SameSeed_SameMask()
    {
        var x = Tensor.Ones(100);

        var a = Functional.Dropout(x, 0.3f, generator: new Generator(9)).ToArray();
        var b = Functional.Dropout(x, 0.3f, generator: new Generator(9)).ToArray();

        a.ShouldBe(b);
    }

    [Fact]
    public void Dropout_Training_ZeroesAboutPAndScalesSurvivors()
    {
        var y = Functional.Dropout(Tensor.Ones(20_000), 0.25f, generator: new Generator(1)).ToArray();

        y.ShouldAllBe(v => v == 0f || Math.Abs(v - (1f / 0.75f)) < 1e-6f);
        (y.Count(v => v == 0f) / 20_000.0).ShouldBe(0.25, 0.02);
    }

    [Fact]
    public void Dropout_Backward_GradientIsMaskTimesScale()
    {
        var x = Tensor.Ones(new Shape(50), requiresGrad: true);

        var y = Functional.Dropout(x, 0.5f, generator: new Generator(2));
        y.Sum().Backward();

        x.Grad!.ToArray().ShouldBe(y.ToArray());
    }

    [Fact]
    public void Dropout_Eval_ReturnsInput()
    {
        var x = Tensor.Ones(3);

        Functional.Dropout(x, 0.9f, training: false).ShouldBeSameAs(x);
    }
}
