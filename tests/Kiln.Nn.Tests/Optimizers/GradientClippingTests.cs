using Kiln.Nn.Optimizers;
using Kiln.Nn.Tests.Golden;

namespace Kiln.Nn.Tests.Optimizers;

public sealed class GradientClippingTests
{
    [Fact]
    public void ClipGradNorm_MatchesPyTorch()
    {
        foreach (var c in Fixture.Load("optimizers.json").GetProperty("clipping").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "norm"))
        {
            var grads = c.GetProperty("grads").EnumerateArray().ToArray();
            var parameters = grads.Select(g => Fixture.ToTensor(g).Clone().Detach().RequireGrad()).ToArray();
            for (var i = 0; i < grads.Length; i++)
            {
                parameters[i].Grad = Fixture.ToTensor(grads[i]);
            }

            var normType = c.GetProperty("normType").ValueKind == System.Text.Json.JsonValueKind.String ? double.PositiveInfinity : c.GetProperty("normType").GetDouble();
            var total = GradientClipping.ClipGradNorm(parameters, c.GetProperty("maxNorm").GetDouble(), normType);

            Approx.Equal(total, c.GetProperty("total").GetDouble(), what: "total norm");
            var after = c.GetProperty("after").EnumerateArray().ToArray();
            for (var i = 0; i < parameters.Length; i++)
            {
                Approx.Equal(parameters[i].Grad!, after[i], what: $"clipped gradient {i}");
            }
        }
    }

    [Fact]
    public void ClipGradValue_MatchesPyTorch()
    {
        var c = Fixture.Load("optimizers.json").GetProperty("clipping").EnumerateArray().First(c => c.GetProperty("kind").GetString() == "value");
        var g = c.GetProperty("grads")[0];
        var p = Fixture.ToTensor(g).Clone().Detach().RequireGrad();
        p.Grad = Fixture.ToTensor(g);

        GradientClipping.ClipGradValue([p], c.GetProperty("clipValue").GetDouble());

        Approx.Equal(p.Grad!, c.GetProperty("after")[0], what: "clipped gradient");
    }
}
