namespace Kiln.Tensors.Tests.Autograd;

public sealed class TrainingLoopTests
{
    [Fact]
    public void SgdLoop_XorWithHiddenLayer_LearnsAllFourPoints()
    {
        var g = new Generator(0);
        var x = Tensor.FromArray([0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f], 4, 2);
        var y = Tensor.FromArray([0L, 1L, 1L, 0L], 4);
        Tensor[] parameters =
        [
            Tensor.Normal(new Shape(8, 2), 0f, 1f, g, requiresGrad: true),
            Tensor.Zeros(new Shape(8), requiresGrad: true),
            Tensor.Normal(new Shape(2, 8), 0f, 1f, g, requiresGrad: true),
            Tensor.Zeros(new Shape(2), requiresGrad: true),
        ];
        Tensor Logits() => Functional.Linear(Functional.Linear(x, parameters[0], parameters[1]).Tanh(), parameters[2], parameters[3]);
        var initial = Functional.CrossEntropy(Logits(), y).Item();

        for (var step = 0; step < 500; step++)
        {
            var loss = Functional.CrossEntropy(Logits(), y);
            foreach (var p in parameters)
            {
                p.ZeroGrad();
            }

            loss.Backward();
            using (Tensor.NoGrad())
            {
                foreach (var p in parameters)
                {
                    p.AddInPlace(p.Grad!, -0.5f);
                }
            }
        }

        Functional.CrossEntropy(Logits(), y).Item().ShouldBeLessThan(initial / 10);
        Logits().ArgMax(1).ToArray<long>().ShouldBe([0L, 1L, 1L, 0L]);
    }
}
