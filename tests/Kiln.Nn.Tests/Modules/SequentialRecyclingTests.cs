using Kiln.Nn.Optimizers;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Modules;

/// <summary>
/// Backward frees the graph and recycles the buffers of a chain's private intermediates; these checks make sure that
/// happens on every step and never touches a tensor someone can still see.
/// </summary>
public sealed class SequentialRecyclingTests
{
    // Odd sizes, so no test running alongside asks the shared buffer pool for the same lengths.
    private const int Batch = 61;
    private const int Hidden = 263;

    [Fact]
    public void TrainingSteps_PrivateIntermediates_AllocateLessThanOneActivationPerStep()
    {
        var model = new Sequential(new Linear(37, Hidden), new ReLU(), new Linear(Hidden, Hidden), new ReLU(), new Linear(Hidden, 3));
        var (x, y) = Data();
        var optimizer = new SGD(model.Parameters(), learningRate: 0.01, momentum: 0.9);
        var loss = new CrossEntropyLoss();
        for (var s = 0; s < 3; s++)
        {
            Step(model, optimizer, loss, x, y);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        const int Steps = 5;
        for (var s = 0; s < Steps; s++)
        {
            Step(model, optimizer, loss, x, y);
        }

        // Four [61, 263] activations (64 KB each) per step went to the GC before the graph was freed.
        ((GC.GetAllocatedBytesForCurrentThread() - before) / Steps).ShouldBeLessThan(Batch * Hidden * sizeof(float));
    }

    [Fact]
    public void TrainingSteps_OutputViewInputAndKeptOutputs_KeepTheirValues()
    {
        var keeper = new OutputKeeper();
        var model = new Sequential(new Linear(37, Hidden), new ReLU(), keeper, new Linear(Hidden, Hidden), new ReLU(), new Flatten());
        var (x, _) = Data();
        var inputValues = x.ToArray();
        var output = model.Forward(x);
        var kept = keeper.Last!;
        var (outputValues, keptValues) = (output.ToArray(), kept.ToArray());
        output.Square().Mean().Backward();

        for (var s = 0; s < 3; s++)
        {
            model.Forward(x).Square().Mean().Backward();
        }

        output.ToArray().ShouldBe(outputValues);
        kept.ToArray().ShouldBe(keptValues);
        x.ToArray().ShouldBe(inputValues);
    }

    private static (Tensor X, Tensor Y) Data()
    {
        var g = new Generator(5);
        var x = Tensor.Randn(new Shape(Batch, 37), g);
        var y = Tensor.FromArray(Enumerable.Range(0, Batch).Select(i => (long)(i % 3)).ToArray(), Batch);
        return (x, y);
    }

    private static void Step(Sequential model, SGD optimizer, CrossEntropyLoss loss, Tensor x, Tensor y)
    {
        optimizer.ZeroGrad(setToNone: false);
        loss.Forward(model.Forward(x), y).Backward();
        optimizer.Step();
    }

    /// <summary>A user module that keeps what it returns, as a module recording activations would.</summary>
    private sealed class OutputKeeper : Module
    {
        public Tensor? Last { get; private set; }

        public override Tensor Forward(Tensor input) => Last = input.Tanh();
    }
}
