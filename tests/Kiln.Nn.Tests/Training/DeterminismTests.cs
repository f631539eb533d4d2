using Kiln.Nn.Data;
using Kiln.Nn.Optimizers;
using Kiln.Nn.Training;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Training;

public sealed class DeterminismTests
{
    private static (float[] Weights, IReadOnlyList<double> Losses) Run(long seed)
    {
        var g = new Generator(seed);
        var x = Tensor.Randn(new Shape(40, 4), g);
        var y = Tensor.RandInt(0, 3, new Shape(40), g);
        var model = new Sequential(new Linear(4, 8, generator: g), new ReLU(), new Dropout(0.3, g), new Linear(8, 3, generator: g));
        var trainer = new Trainer(new Adam(model.Parameters(), 0.01), new CrossEntropyLoss()) { ShowProgress = false };
        var history = trainer.Fit(model, new DataLoader(new TensorDataset(x, y), 8, shuffle: true, seed: seed), epochs: 3);
        return ([.. model.Parameters().SelectMany(p => p.ToArray())], history.Series("loss"));
    }

    [Fact]
    public void Fit_SameSeed_SameWeightsAndLossesBitForBit()
    {
        var a = Run(42);
        var b = Run(42);

        a.Weights.Select(BitConverter.SingleToInt32Bits).ShouldBe(b.Weights.Select(BitConverter.SingleToInt32Bits));
        a.Losses.Select(BitConverter.DoubleToInt64Bits).ShouldBe(b.Losses.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Fit_DifferentSeed_DifferentWeights() => Run(42).Weights.ShouldNotBe(Run(43).Weights);
}
