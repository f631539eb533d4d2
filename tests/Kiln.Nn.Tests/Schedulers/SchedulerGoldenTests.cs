using System.Text.Json;
using Kiln.Nn.Optimizers;
using Kiln.Nn.Schedulers;
using Kiln.Nn.Tests.Golden;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Schedulers;

public sealed class SchedulerGoldenTests
{
    public static IEnumerable<TheoryDataRow<string>> Cases => Fixture.Names("schedulers.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void LearningRates_MatchPyTorchSequence(string name)
    {
        var c = Fixture.Case("schedulers.json", name);
        var a = c.GetProperty("args");
        double Get(string key, double fallback) => a.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        Optimizer optimizer = c.GetProperty("optimizer").GetString() == "adam"
            ? new Adam([Tensor.Zeros(1).RequireGrad()], Get("lr", 0.1))
            : new SGD([Tensor.Zeros(1).RequireGrad()], Get("lr", 0.1));
        Action<int> step;
        if (name.StartsWith("plateau", StringComparison.Ordinal))
        {
            var plateau = new ReduceLROnPlateau(
                optimizer,
                a.GetProperty("mode").GetString() == "min" ? MonitorMode.Min : MonitorMode.Max,
                Get("factor", 0.1),
                (int)Get("patience", 10),
                Get("threshold", 1e-4),
                !a.TryGetProperty("thresholdMode", out var tm) || tm.GetString() == "rel",
                (int)Get("cooldown", 0),
                Get("minLr", 0));
            var metrics = c.GetProperty("metrics").EnumerateArray().Select(m => m.GetDouble()).ToArray();
            step = i => plateau.Step(metrics[i]);
        }
        else
        {
            LearningRateScheduler scheduler = name switch
            {
                "step" => new StepLR(optimizer, (int)Get("stepSize", 1), Get("gamma", 0.1)),
                "cosine" => new CosineAnnealingLR(optimizer, (int)Get("tMax", 1), Get("etaMin", 0)),
                _ => new OneCycleLR(optimizer, Get("maxLr", 0.1), (int)Get("totalSteps", 1), Get("pctStart", 0.3),
                    !(a.TryGetProperty("linear", out var lin) && lin.GetBoolean()), Get("divFactor", 25), Get("finalDivFactor", 1e4),
                    a.TryGetProperty("threePhase", out var tp) && tp.GetBoolean(),
                    a.TryGetProperty("cycleMomentum", out var cm) && cm.GetBoolean(), Get("baseMomentum", 0.85), Get("maxMomentum", 0.95)),
            };
            step = _ => scheduler.Step();
        }

        var expected = c.GetProperty("lrs").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double Momentum() => optimizer is Adam adam ? adam.Beta1 : ((SGD)optimizer).Momentum;
        var actual = new List<double> { optimizer.LearningRate };
        var momentums = new List<double> { Momentum() };
        for (var i = 0; i < expected.Length - 1; i++)
        {
            step(i);
            actual.Add(optimizer.LearningRate);
            momentums.Add(Momentum());
        }

        Approx.Equal([.. actual], expected, 1e-12, 1e-15, name);
        Approx.Equal([.. momentums], [.. c.GetProperty("momentums").EnumerateArray().Select(e => e.GetDouble())], 1e-12, 1e-15, name + " momentum");
    }
}
