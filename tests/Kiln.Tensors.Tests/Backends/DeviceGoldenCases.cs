using Kiln.Tensors.Tests.Golden;

namespace Kiln.Tensors.Tests.Backends;

/// <summary>Runs the PyTorch golden op cases (Fixtures/ops.json) with every input on a given device.</summary>
internal static class DeviceGoldenCases
{
    public const double Tolerance = 1e-4;

    public static void Forward(Device device, string name)
    {
        var c = GoldenCase.Get(name);
        var extras = new Dictionary<string, Tensor>();

        var output = Run(c, Inputs(c, device, requiresGrad: false), device, extras);

        output.Device.ShouldBe(device);
        Approx.ShouldMatch(output, c.Output, $"{name} output on {device}", Tolerance, Tolerance);
        foreach (var (key, expected) in c.Extras)
        {
            Approx.ShouldMatch(extras[key], expected, $"{name} {key} on {device}", Tolerance, Tolerance);
        }
    }

    public static void Backward(Device device, string name)
    {
        var c = GoldenCase.Get(name);
        var inputs = Inputs(c, device, requiresGrad: true);

        Run(c, inputs, device, []).Backward(GoldenCase.ToTensor(c.Upstream).To(device));

        var expected = c.Gradients;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (expected[i] is { } g)
            {
                inputs[i].Grad.ShouldNotBeNull($"{name} input {i} gradient");
                inputs[i].Grad!.Device.ShouldBe(device);
                Approx.ShouldMatch(inputs[i].Grad!, g, $"{name} input {i} gradient on {device}", Tolerance, Tolerance);
            }
        }
    }

    private static Tensor[] Inputs(GoldenCase c, Device device, bool requiresGrad) =>
        [.. c.Inputs.Select(i => GoldenCase.ToTensor(i).To(device).RequireGrad(requiresGrad && i.GetProperty("dtype").GetString() == "float32"))];

    /// <summary>The golden table, except that the batch-norm cases also get their running statistics on the device.</summary>
    private static Tensor Run(GoldenCase c, Tensor[] x, Device device, Dictionary<string, Tensor> extras)
    {
        switch (c.Op)
        {
            case "batch_norm_train":
                {
                    var rm = GoldenCase.ToTensor(c.Args.GetProperty("runningMean")).To(device);
                    var rv = GoldenCase.ToTensor(c.Args.GetProperty("runningVar")).To(device);
                    extras["running_mean"] = rm;
                    extras["running_var"] = rv;
                    return Functional.BatchNorm(x[0], rm, rv, x[1], x[2], training: true, momentum: 0.1f);
                }

            case "batch_norm_eval":
                return Functional.BatchNorm(
                    x[0],
                    GoldenCase.ToTensor(c.Args.GetProperty("runningMean")).To(device),
                    GoldenCase.ToTensor(c.Args.GetProperty("runningVar")).To(device),
                    x[1],
                    x[2],
                    training: false);

            default:
                return GoldenOps.Run(c, x, extras);
        }
    }
}
