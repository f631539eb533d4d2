using System.Text.Json;
using Kiln.Nn.Optimizers;
using Kiln.Nn.Tests.Golden;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Training;

public sealed class TrainingParityTests
{
    public static IEnumerable<TheoryDataRow<string>> Cases => Fixture.Names("training.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void TwentySteps_FromPyTorchWeights_MatchPyTorch(string name)
    {
        var c = Fixture.Case("training.json", name);
        var model = Build(name);
        model.LoadStateDict(Fixture.ToStateDict(c.GetProperty("initial")));
        Optimizer optimizer = c.GetProperty("optimizer").GetString() == "sgd"
            ? new SGD(model.Parameters(), 0.1, momentum: 0.9)
            : new Adam(model.Parameters(), 0.01);
        var x = Fixture.ToTensor(c.GetProperty("x"));
        var y = Fixture.ToTensor(c.GetProperty("y"));
        var batch = c.GetProperty("batch").GetInt32();
        var lossFn = new CrossEntropyLoss();
        var expectedLosses = c.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        model.Train();
        var losses = new List<double>();
        for (var step = 0; step < expectedLosses.Length; step++)
        {
            optimizer.ZeroGrad();
            var loss = lossFn.Forward(model.Forward(x.Narrow(0, step * batch, batch)), y.Narrow(0, step * batch, batch));
            loss.Backward();
            optimizer.Step();
            losses.Add(loss.Item());
        }

        Approx.Equal([.. losses], expectedLosses, 1e-5, 1e-6, $"{name} losses");
        var final = c.GetProperty("final");
        foreach (var (key, tensor) in model.StateDict())
        {
            Approx.Equal(tensor, final.GetProperty(key), 1e-5, 1e-5, $"{name} final {key}");
        }

        model.Eval();
        using (Tensor.NoGrad())
        {
            Approx.Equal(model.Forward(x.Narrow(0, 0, batch)), c.GetProperty("evalOutput"), 1e-5, 1e-5, $"{name} eval output");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StateDict_SameArchitecture_HasPyTorchNamesShapesAndRepr(string name)
    {
        var c = Fixture.Case("training.json", name);
        var model = Build(name);
        var state = model.StateDict();

        state.Keys.ShouldBe(c.GetProperty("names").EnumerateArray().Select(e => e.GetString()!));
        state.Values.Select(t => t.Shape.ToArray()).ShouldBe(c.GetProperty("shapes").EnumerateArray().Select(s => s.EnumerateArray().Select(d => d.GetInt32()).ToArray()));
        model.ToString().ShouldBe(c.GetProperty("repr").GetString());
    }

    internal static Sequential Build(string name) => name.StartsWith("mlp", StringComparison.Ordinal)
        ? new Sequential(new Linear(8, 16), new ReLU(), new Linear(16, 3))
        : new Sequential(new Conv2d(1, 4, 3, padding: 1, bias: false), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(64, 3));
}
