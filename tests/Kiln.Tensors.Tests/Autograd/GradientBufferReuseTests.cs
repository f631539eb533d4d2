using Kiln.Tensors.Backends.Cpu;

namespace Kiln.Tensors.Tests.Autograd;

/// <summary>Backward recycles consumed gradient buffers; these checks make sure recycling never corrupts a gradient.</summary>
public sealed class GradientBufferReuseTests
{
    [Fact]
    public void Backward_LargeBatch_EqualsSumOfSmallChunkGradients()
    {
        // Rows are independent, so the gradient of the summed loss equals the sum over chunks. The full batch
        // (16K-float activations) goes through the buffer pool; 2-row chunks (128 floats) stay below its threshold.
        var g = new Generator(11);
        var x = Tensor.Randn(new Shape(256, 64), g);
        var (w1, b1, w2) = (Tensor.Randn(new Shape(64, 64), g) * 0.1f, Tensor.Randn(new Shape(64), g), Tensor.Randn(new Shape(64, 3), g));

        var full = Gradients(x, w1, b1, w2, chunk: 256, repeats: 3);
        var chunked = Gradients(x, w1, b1, w2, chunk: 2, repeats: 1);

        for (var p = 0; p < full.Length; p++)
        {
            var a = full[p];
            var b = chunked[p];
            for (var i = 0; i < a.Length; i++)
            {
                ((double)Math.Abs(a[i] - b[i])).ShouldBeLessThanOrEqualTo(1e-3 + (1e-4 * Math.Abs(b[i])), $"parameter {p} element {i}");
            }
        }
    }

    [Fact]
    public void Backward_RepeatedLargeSteps_ServesBuffersFromPool()
    {
        var w = Tensor.Randn(new Shape(128, 128), new Generator(3)).RequireGrad();
        var x = Tensor.Randn(new Shape(256, 128), new Generator(4));
        (x.MatMul(w).Tanh() + x.MatMul(w)).Sum().Backward();
        var before = FloatPool.Hits;

        (x.MatMul(w).Tanh() + x.MatMul(w)).Sum().Backward();

        FloatPool.Hits.ShouldBeGreaterThan(before);
    }

    private static float[][] Gradients(Tensor x, Tensor w1, Tensor b1, Tensor w2, int chunk, int repeats)
    {
        Tensor[] parameters = [w1.Detach().Clone().RequireGrad(), b1.Detach().Clone().RequireGrad(), w2.Detach().Clone().RequireGrad()];
        for (var r = 0; r < repeats; r++)
        {
            foreach (var p in parameters)
            {
                p.ZeroGrad();
            }

            for (var start = 0; start < x.Size(0); start += chunk)
            {
                var rows = x.Narrow(0, start, chunk);
                var h = rows.MatMul(parameters[0]) + parameters[1];
                var a = (h.Tanh() * h.Sigmoid()) + h.Reshape(-1).Reshape(h.Shape.ToArray());
                a.MatMul(parameters[2]).Square().Sum().Backward();
            }
        }

        return [.. parameters.Select(p => p.Grad!.ToArray())];
    }
}
