using System.Diagnostics;
using System.Globalization;
using Kiln.Nn;
using Kiln.Nn.Optimizers;
using Kiln.Tensors;

namespace Kiln.Benchmarks;

/// <summary>
/// MLP 784-512-256-10 (ReLU, cross-entropy, Adam) trained with batches of 128: samples per second, managed bytes per step
/// and process CPU time per step (all threads, so it holds up on a busy machine better than wall time).
/// </summary>
/// <remarks>
/// Gradients are zeroed in place (<c>ZeroGrad(setToNone: false)</c>), Kiln's allocation-free idiom: backward then adds into
/// the kept buffers and recycles its own. PyTorch's default set_to_none is its cheap path, since its caching allocator
/// reuses the dropped gradients' memory; the .NET GC cannot know when a dropped gradient is free. Batches are row views of
/// the data (<c>Narrow</c> along dimension 0 shares storage on the CPU), as PyTorch's <c>x[a:a + 128]</c> is.
/// </remarks>
internal static class TrainBenchmark
{
    private const int WarmupSteps = 5;

    public static string Run(Options o)
    {
        var x = Tensor.FromArray(SyntheticData.Inputs(o.Samples), [o.Samples, SyntheticData.Features]).To(o.Device);
        var y = Tensor.FromArray(SyntheticData.Labels(o.Samples), [o.Samples]).To(o.Device);
        var g = new Generator(0);
        var model = new Sequential(
            new Linear(784, 512, generator: g), new ReLU(), new Linear(512, 256, generator: g), new ReLU(), new Linear(256, 10, generator: g)).To(o.Device);
        var optimizer = new Adam(model.Parameters(), learningRate: 1e-3);
        var loss = new CrossEntropyLoss();
        var steps = o.Samples / o.Batch;

        float Step(int s)
        {
            var start = (s % steps) * o.Batch;
            optimizer.ZeroGrad(setToNone: false);
            var l = loss.Forward(model.Forward(x.Narrow(0, start, o.Batch)), y.Narrow(0, start, o.Batch));
            l.Backward();
            optimizer.Step();
            return s % 50 == 0 ? l.Item() : float.NaN;
        }

        for (var s = 0; s < WarmupSteps; s++)
        {
            Step(s);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var total = steps * o.Epochs;
        var first = float.NaN;
        for (var s = 0; s < total; s++)
        {
            var l = Step(s);
            first = float.IsNaN(first) ? l : first;
        }

        var last = loss.Forward(model.Forward(x.Narrow(0, 0, o.Batch)), y.Narrow(0, 0, o.Batch)).Item();
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuMsPerStep = (process.TotalProcessorTime - cpu).TotalMilliseconds / total;
        var bytesPerStep = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)total;
        var rate = total * o.Batch / seconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"kiln_train device={o.Device} steps={total} seconds={seconds:F2} samples_per_s={rate:F0} managed_bytes_per_step={bytesPerStep:F0} cpu_ms_per_step={cpuMsPerStep:F2} loss_first={first:F4} loss_last={last:F4}");
    }
}
