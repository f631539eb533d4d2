using System.Text.Json;
using Kiln.Nn.Optimizers;
using Kiln.Nn.Tests.Golden;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Optimizers;

public sealed class OptimizerGoldenTests
{
    public static IEnumerable<TheoryDataRow<string>> Cases =>
        Fixture.Load("optimizers.json").GetProperty("optimizers").EnumerateArray().Select(c => new TheoryDataRow<string>(c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_SeveralSteps_MatchesPyTorch(string name)
    {
        var c = Fixture.Load("optimizers.json").GetProperty("optimizers").EnumerateArray().First(e => e.GetProperty("name").GetString() == name);
        var parameters = c.GetProperty("initial").EnumerateArray().Select(p => Fixture.ToTensor(p, requiresGrad: true)).ToArray();
        var optimizer = Create(c.GetProperty("kind").GetString()!, c.GetProperty("args"), parameters);
        var grads = c.GetProperty("grads").EnumerateArray().ToArray();
        var after = c.GetProperty("after").EnumerateArray().ToArray();
        for (var step = 0; step < grads.Length; step++)
        {
            var g = grads[step].EnumerateArray().ToArray();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Grad = Fixture.ToTensor(g[i]);
            }

            optimizer.Step();
            var expected = after[step].EnumerateArray().ToArray();
            for (var i = 0; i < parameters.Length; i++)
            {
                Approx.Equal(parameters[i], expected[i], what: $"{name} step {step + 1} parameter {i}");
            }
        }
    }

    [Fact]
    public void Step_DoesNotRecordGraphs()
    {
        var p = Tensor.Ones(3).RequireGrad();
        p.Grad = Tensor.Ones(3);
        new Adam([p], 0.1).Step();
        p.IsLeaf.ShouldBeTrue();
        p.GradFnName.ShouldBeNull();
    }

    [Fact]
    public void ZeroGrad_ClearsEveryGradient()
    {
        var p = Tensor.Ones(3).RequireGrad();
        p.Grad = Tensor.Ones(3);
        new SGD([p], 0.1).ZeroGrad();
        p.Grad.ShouldBeNull();
    }

    [Fact]
    public void ZeroGradKeepingBuffers_ZeroesTheSameTensorInPlace()
    {
        var p = Tensor.Ones(3).RequireGrad();
        var grad = Tensor.Ones(3);
        p.Grad = grad;

        new SGD([p], 0.1).ZeroGrad(setToNone: false);

        p.Grad.ShouldBeSameAs(grad);
        grad.ToArray().ShouldBe([0f, 0f, 0f]);
    }

    [Fact]
    public void ZeroGradKeepingBuffers_AdamTraining_MatchesSettingToNone()
    {
        var dropped = Train(setToNone: true);
        var kept = Train(setToNone: false);

        for (var i = 0; i < dropped.Length; i++)
        {
            kept[i].ShouldBe(dropped[i]);
        }

        static float[][] Train(bool setToNone)
        {
            var g = new Generator(4);
            var model = new Sequential(new Linear(70, 80, generator: g), new ReLU(), new Linear(80, 3, generator: g));
            var optimizer = new Adam(model.Parameters(), 0.01);
            var x = Tensor.Randn(new Shape(64, 70), g);
            var y = Tensor.FromArray(Enumerable.Range(0, 64).Select(i => (long)(i % 3)).ToArray(), [64]);
            for (var step = 0; step < 4; step++)
            {
                optimizer.ZeroGrad(setToNone);
                new CrossEntropyLoss().Forward(model.Forward(x), y).Backward();
                optimizer.Step();
            }

            return [.. model.Parameters().Select(p => p.ToArray())];
        }
    }

    [Fact]
    public void Constructor_TensorWithoutGrad_ExplainsWhatToPass()
    {
        var ex = Should.Throw<ArgumentException>(() => new SGD([Tensor.Ones(2)], 0.1));
        ex.Message.ShouldContain("model.Parameters()");
    }

    private static Optimizer Create(string kind, JsonElement a, Tensor[] p)
    {
        double Get(string key, double fallback) => a.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        bool Flag(string key) => a.TryGetProperty(key, out var v) && v.GetBoolean();
        var lr = Get("lr", 0.01);
        return kind switch
        {
            "sgd" => new SGD(p, lr, Get("momentum", 0), Get("dampening", 0), Get("weightDecay", 0), Flag("nesterov")),
            "adam" => new Adam(p, lr, Get("beta1", 0.9), Get("beta2", 0.999), Get("eps", 1e-8), Get("weightDecay", 0)),
            "adamw" => new AdamW(p, lr, Get("beta1", 0.9), Get("beta2", 0.999), Get("eps", 1e-8), Get("weightDecay", 0.01)),
            _ => new RMSprop(p, lr, Get("alpha", 0.99), Get("eps", 1e-8), Get("weightDecay", 0), Get("momentum", 0), Flag("centered")),
        };
    }
}
