using System.Diagnostics;
using System.Text.RegularExpressions;
using Kiln.Tensors.Backends.Kernels;

namespace Kiln.Tensors.Tests.Backends;

/// <summary>
/// The CUDA spelling of the shared kernels is checked on every run, GPU or not: clang (installed with PoCL) compiles
/// <see cref="KernelSource.Cuda"/> as CUDA device code to PTX, the step NVRTC performs on a CUDA machine.
/// </summary>
public sealed partial class CudaKernelSourceTests
{
    /// <summary>What NVRTC provides implicitly and clang without a CUDA toolkit does not: qualifiers, thread indices, float math.</summary>
    private const string NvrtcBuiltins = """
        #define __device__ __attribute__((device))
        #define __global__ __attribute__((global))
        #define __forceinline__ __attribute__((always_inline))
        #include <__clang_cuda_builtin_vars.h>
        extern "C" {
        __device__ float expf(float); __device__ float logf(float); __device__ float log1pf(float); __device__ float expm1f(float);
        __device__ float sqrtf(float); __device__ float rsqrtf(float); __device__ float fabsf(float); __device__ float tanhf(float);
        __device__ float erff(float); __device__ float powf(float, float); __device__ float fmaxf(float, float);
        __device__ float fminf(float, float); __device__ float floorf(float); __device__ float ceilf(float);
        }
        """;

    [Fact]
    public void CudaSource_CompilesToPtx_WithAnEntryPointForEveryKernel()
    {
        var work = Directory.CreateTempSubdirectory("kiln-cuda-source-");
        try
        {
            File.WriteAllText(Path.Combine(work.FullName, "nvrtc_builtins.h"), NvrtcBuiltins);
            File.WriteAllText(Path.Combine(work.FullName, "kiln_ops.cu"), KernelSource.Cuda);

            var (exitCode, errors) = RunClang(work.FullName,
                "-x", "cuda", "--cuda-device-only", "-nocudainc", "-nocudalib", "--cuda-gpu-arch=sm_70",
                "-include", "nvrtc_builtins.h", "-Werror", "-S", "-o", "kiln_ops.ptx", "kiln_ops.cu");

            exitCode.ShouldBe(0, $"clang could not compile the CUDA spelling of Ops.kernels:\n{errors}");
            var entries = EntryPoint().Matches(File.ReadAllText(Path.Combine(work.FullName, "kiln_ops.ptx")))
                .Select(m => m.Groups[1].Value).ToHashSet();
            var kernels = KernelDefinition().Matches(KernelSource.Cuda).Select(m => m.Groups[1].Value).ToList();
            kernels.ShouldNotBeEmpty();
            kernels.ShouldAllBe(k => entries.Contains(k));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Errors) RunClang(string directory, params string[] arguments)
    {
        var clang = new[] { "clang-15", "clang-14", "clang" }
            .Select(name => Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists))
            .FirstOrDefault(path => path is not null)
            ?? throw new InvalidOperationException("clang is missing: it comes with PoCL; run scripts/setup-deps.sh (apt-get install pocl-opencl-icd).");
        var start = new ProcessStartInfo(clang) { WorkingDirectory = directory, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors);
    }

    [GeneratedRegex(@"\.entry\s+(\w+)\(")]
    private static partial Regex EntryPoint();

    [GeneratedRegex(@"^KERNEL\s+(\w+)\(", RegexOptions.Multiline)]
    private static partial Regex KernelDefinition();
}
