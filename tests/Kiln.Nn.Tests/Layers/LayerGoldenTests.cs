using System.Text.Json;
using Kiln.Nn.Tests.Golden;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Layers;

public sealed class LayerGoldenTests
{
    public static IEnumerable<TheoryDataRow<string>> Cases => Fixture.Names("layers.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_TrainAndEval_MatchPyTorch(string name)
    {
        var c = Fixture.Case("layers.json", name);
        var module = Create(name, c.GetProperty("args"));
        module.ToString().ShouldBe(c.GetProperty("repr").GetString());
        module.LoadStateDict(Fixture.ToStateDict(c.GetProperty("state")));
        var input = Fixture.ToTensor(c.GetProperty("input"), requiresGrad: c.TryGetProperty("grad", out _));

        module.Train();
        var output = module.Forward(input);
        Approx.Equal(output, c.GetProperty("train"), what: "training output");
        if (c.TryGetProperty("grad", out var grad))
        {
            output.Backward(Fixture.ToTensor(c.GetProperty("upstream")));
            Approx.Equal(input.Grad!, grad, what: "input gradient");
        }

        module.Eval();
        using (Tensor.NoGrad())
        {
            Approx.Equal(module.Forward(input), c.GetProperty("eval"), what: "evaluation output");
        }

        foreach (var p in c.GetProperty("after").EnumerateObject())
        {
            var actual = module.StateDict()[p.Name];
            if (actual.DType == DType.Int64)
            {
                actual.ToArray<long>().ShouldBe([.. p.Value.GetProperty("data").EnumerateArray().Select(e => e.GetInt64())], p.Name);
            }
            else
            {
                Approx.Equal(actual, p.Value, what: $"state {p.Name} after one training step");
            }
        }
    }

    private static Module Create(string name, JsonElement a)
    {
        double Get(string key, double fallback) => a.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        return name switch
        {
            "linear_nobias" => new Linear(5, 3, bias: false),
            "linear_3d" => new Linear(5, 3),
            "leaky_relu" => new LeakyReLU(Get("slope", 0.01)),
            "gelu" => new GELU(),
            "sigmoid" => new Sigmoid(),
            "tanh" => new Tanh(),
            "softmax" => new Softmax((int)Get("dim", 1)),
            "log_softmax" => new LogSoftmax((int)Get("dim", 1)),
            "batchnorm1d" => new BatchNorm1d(4),
            "batchnorm1d_3d" => new BatchNorm1d(3, Get("eps", 1e-5), Get("momentum", 0.1)),
            "batchnorm2d" => new BatchNorm2d(3),
            "layernorm" => new LayerNorm(6),
            "layernorm_2d" => new LayerNorm([3, 6], Get("eps", 1e-5)),
            "conv_stride_pad" => new Conv2d(2, 3, 3, stride: 2, padding: 1),
            "maxpool" => new MaxPool2d(3, 2, 1),
            "avgpool" => new AvgPool2d(2),
            "embedding" => new Embedding(10, 4),
            "flatten" => new Flatten(),
            "flatten_0_1" => new Flatten((int)Get("start", 1), (int)Get("end", -1)),
            _ => throw new ArgumentException($"No layer for case {name}.", nameof(name)),
        };
    }
}
