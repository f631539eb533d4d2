using Kiln.Benchmarks;

// Usage: Kiln.Benchmarks train --device cpu|opencl|cuda [--samples N] [--epochs E] [--batch B]
//        Kiln.Benchmarks gemm --device cpu|opencl|cuda
var options = Options.Parse(args);
Console.WriteLine(options.Command switch
{
    "train" => TrainBenchmark.Run(options),
    "gemm" => GemmBenchmark.Run(options),
    _ => throw new ArgumentException($"Unknown benchmark '{options.Command}'; use train or gemm."),
});
