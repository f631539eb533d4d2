using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiln.Tensors;

namespace Kiln.Benchmarks;

/// <summary>Square single-precision matrix products on a device, in GFLOP/s (2n³ flops per product).</summary>
internal static class GemmBenchmark
{
    public static string Run(Options o)
    {
        var text = new StringBuilder();
        foreach (var n in new[] { 128, 512, 1024, 2048 })
        {
            var a = Tensor.Randn(new Shape(n, n), new Generator(1)).To(o.Device);
            var b = Tensor.Randn(new Shape(n, n), new Generator(2)).To(o.Device);
            a.MatMul(b).Sum().Item();
            var reps = Math.Max(2, (int)(1e10 / (2.0 * n * n * n)));
            var clock = Stopwatch.StartNew();
            Tensor c = a;
            for (var r = 0; r < reps; r++)
            {
                c = a.MatMul(b);
            }

            c.Narrow(0, 0, 1).Narrow(1, 0, 1).Item();
            var gflops = 2.0 * n * n * n * reps / clock.Elapsed.TotalSeconds / 1e9;
            text.Append(CultureInfo.InvariantCulture, $"kiln_gemm device={o.Device} n={n} gflops={gflops:F1}\n");
        }

        return text.ToString().TrimEnd('\n');
    }
}
