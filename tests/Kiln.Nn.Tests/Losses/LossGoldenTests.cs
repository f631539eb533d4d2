using System.Text.Json;
using Kiln.Nn.Tests.Golden;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Losses;

public sealed class LossGoldenTests
{
    public static IEnumerable<TheoryDataRow<string>> Cases => Fixture.Names("losses.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_AndBackward_MatchPyTorch(string name)
    {
        var c = Fixture.Case("losses.json", name);
        var loss = Create(c.GetProperty("kind").GetString()!, c.GetProperty("args"));
        var input = Fixture.ToTensor(c.GetProperty("input"), requiresGrad: true);
        var target = Fixture.ToTensor(c.GetProperty("target"));

        var output = loss.Forward(input, target);
        Approx.Equal(output, c.GetProperty("output"), what: "loss");

        var upstream = Fixture.ToTensor(c.GetProperty("upstream"));
        output.Backward(upstream);
        Approx.Equal(input.Grad!, c.GetProperty("grad"), what: "input gradient");
    }

    private static Loss Create(string kind, JsonElement args)
    {
        var reduction = args.GetProperty("reduction").GetString() switch
        {
            "mean" => Reduction.Mean,
            "sum" => Reduction.Sum,
            _ => Reduction.None,
        };
        Tensor? Optional(string key) => args.TryGetProperty(key, out var v) ? Fixture.Floats(v) : null;
        var ignore = args.TryGetProperty("ignoreIndex", out var ig) ? ig.GetInt64() : -100;
        var smoothing = args.TryGetProperty("labelSmoothing", out var ls) ? ls.GetDouble() : 0;
        return kind switch
        {
            "mse" => new MSELoss(reduction),
            "l1" => new L1Loss(reduction),
            "ce" => new CrossEntropyLoss(Optional("weight"), ignore, reduction, smoothing),
            "nll" => new NLLLoss(Optional("weight"), ignore, reduction),
            _ => new BCEWithLogitsLoss(Optional("weight"), Optional("posWeight"), reduction),
        };
    }
}
