using Kiln.Tensors.Backends;

namespace Kiln.Tensors.Tests.Backends;

/// <summary>The fused kernels (Adam update, chain rule through activations, bias added in place) on each GPU backend against the CPU backend.</summary>
public sealed class GpuFusedOpsTests
{
    [Theory]
    [InlineData("opencl", 0.0)]
    [InlineData("opencl", 0.05)]
    [InlineData("cuda", 0.05)]
    public void AdamUpdateInPlace_TwoSteps_MatchesCpu(string kind, double weightDecay)
    {
        var device = AcceleratorFacts.Require(kind);
        var g = new Generator(21);
        var cpu = new[] { Tensor.Randn(new Shape(3001), g), Tensor.Zeros(3001), Tensor.Zeros(3001) };
        var gpu = cpu.Select(t => t.To(device)).ToArray();
        for (var step = 1; step <= 2; step++)
        {
            var grad = Tensor.Randn(new Shape(3001), g);
            var c = new AdamCoefficients(0.9f, 0.1f, 0.999f, 0.001f, (float)Math.Sqrt(1 - Math.Pow(0.999, step)), 1e-8f, (float)(-0.01 / (1 - Math.Pow(0.9, step))), (float)weightDecay);
            cpu[0].AdamUpdateInPlace(grad, cpu[1], cpu[2], c);
            gpu[0].AdamUpdateInPlace(grad.To(device), gpu[1], gpu[2], c);
        }

        for (var i = 0; i < cpu.Length; i++)
        {
            Golden.Approx.ShouldMatch(gpu[i].ToArray(), [.. cpu[i].ToArray().Select(v => (double)v)], $"adam state {i}", 1e-5, 1e-7);
        }
    }

    [Theory]
    [InlineData("opencl")]
    [InlineData("cuda")]
    public void ActivationBackward_FusedChainRule_MatchesCpu(string kind)
    {
        var device = AcceleratorFacts.Require(kind);
        var x = Tensor.Randn(new Shape(4, 257), new Generator(22));
        var upstream = Tensor.Randn(new Shape(4, 257), new Generator(23));
        foreach (var (name, f) in new (string, Func<Tensor, Tensor>)[] { ("relu", t => t.Relu()), ("leaky", t => t.LeakyRelu(0.1f)), ("clamp", t => t.Clamp(-0.5f, 0.5f)), ("abs", t => t.Abs()) })
        {
            var onCpu = x.Clone().RequireGrad();
            var onGpu = x.To(device).RequireGrad();
            f(onCpu).Backward(upstream);
            f(onGpu).Backward(upstream.To(device));

            Golden.Approx.ShouldMatch(onGpu.Grad!.ToArray(), [.. onCpu.Grad!.ToArray().Select(v => (double)v)], name);
        }
    }

    [Theory]
    [InlineData("opencl")]
    [InlineData("cuda")]
    public void LinearWithBias_ForwardAndGradientsIntoKeptWeightGradient_MatchCpu(string kind)
    {
        var device = AcceleratorFacts.Require(kind);
        var g = new Generator(24);
        Tensor[] cpu = [Tensor.Randn(new Shape(6, 5), g).RequireGrad(), Tensor.Randn(new Shape(3, 5), g).RequireGrad(), Tensor.Randn(new Shape(3), g).RequireGrad()];
        Tensor[] gpu = [.. cpu.Select(t => t.Detach().To(device).RequireGrad())];

        var y = Functional.Linear(cpu[0], cpu[1], cpu[2]);
        var yd = Functional.Linear(gpu[0], gpu[1], gpu[2]);
        foreach (var p in (Tensor[])[cpu[1], gpu[1]])
        {
            p.Grad = Tensor.Full(p.Shape, 0.25, device: p.Device);
        }

        y.Square().Sum().Backward();
        yd.Square().Sum().Backward();

        Golden.Approx.ShouldMatch(yd.ToArray(), [.. y.ToArray().Select(v => (double)v)], "linear", 1e-4, 1e-4);
        for (var i = 0; i < cpu.Length; i++)
        {
            Golden.Approx.ShouldMatch(gpu[i].Grad!.ToArray(), [.. cpu[i].Grad!.ToArray().Select(v => (double)v)], $"gradient {i}", 1e-4, 1e-4);
        }
    }
}
