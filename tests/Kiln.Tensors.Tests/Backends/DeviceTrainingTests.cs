using Kiln.Nn;
using Kiln.Nn.Optimizers;

namespace Kiln.Tensors.Tests.Backends;

/// <summary>Kiln.Nn runs unchanged on a device: a small MLP trained a few Adam steps matches the same run on the CPU.</summary>
public sealed class DeviceTrainingTests
{
    [Fact]
    public void Mlp_AdamStepsOnOpenCl_MatchCpuRun() => TrainsLikeCpu(AcceleratorFacts.RequireOpenCl());

    [Fact]
    public void Mlp_AdamStepsOnCuda_MatchCpuRun() => TrainsLikeCpu(AcceleratorFacts.RequireCuda());

    [Fact]
    public void ModuleTo_OpenCl_MovesEveryParameter()
    {
        var device = AcceleratorFacts.RequireOpenCl();

        var model = Mlp().To(device);

        model.Parameters().ShouldAllBe(p => p.Device.Equals(device) && p.RequiresGrad);
    }

    private static void TrainsLikeCpu(Device device)
    {
        var x = Tensor.Randn(new Shape(32, 20), new Generator(7));
        var y = Tensor.RandInt(0, 5, new Shape(32), new Generator(8));
        var (cpuLosses, cpuModel) = Train(Device.Cpu, x, y);

        var (deviceLosses, deviceModel) = Train(device, x, y);

        for (var i = 0; i < cpuLosses.Length; i++)
        {
            deviceLosses[i].ShouldBe(cpuLosses[i], 1e-4 * Math.Abs(cpuLosses[i]), $"loss at step {i}");
        }

        cpuLosses[^1].ShouldBeLessThan(cpuLosses[0]);
        var expected = cpuModel.Parameters().ToArray();
        var actual = deviceModel.Parameters().ToArray();
        for (var p = 0; p < expected.Length; p++)
        {
            actual[p].Device.ShouldBe(device);
            Golden.Approx.ShouldMatch(actual[p].ToArray(), [.. expected[p].ToArray().Select(v => (double)v)], $"parameter {p}", 1e-4, 1e-4);
        }
    }

    private static (float[] Losses, Module Model) Train(Device device, Tensor x, Tensor y)
    {
        var model = Mlp().To(device);
        var optimizer = new Adam(model.Parameters(), learningRate: 1e-2);
        var loss = new CrossEntropyLoss();
        var inputs = x.To(device);
        var targets = y.To(device);
        var losses = new float[6];
        for (var step = 0; step < losses.Length; step++)
        {
            optimizer.ZeroGrad();
            var l = loss.Forward(model.Forward(inputs), targets);
            l.Backward();
            optimizer.Step();
            losses[step] = l.Item();
        }

        return (losses, model);
    }

    private static Sequential Mlp()
    {
        var g = new Generator(42);
        return new Sequential(new Linear(20, 16, generator: g), new ReLU(), new Linear(16, 5, generator: g));
    }
}
