using System.Text;

namespace Kiln.Tensors.Backends.Kernels;

/// <summary>The device kernels of Ops.kernels, written once and spelled for OpenCL C or CUDA C by a small prelude of macros.</summary>
internal static class KernelSource
{
    /// <summary>The full program text for OpenCL (<c>clBuildProgram</c>).</summary>
    public static string OpenCl => Compose("Prelude.OpenCl.h");

    /// <summary>The full program text for CUDA (NVRTC).</summary>
    public static string Cuda => Compose("Prelude.Cuda.h");

    private static string Compose(string prelude) => new StringBuilder()
        .Append(Read(prelude)).Append('\n')
        .Append(Read("Ops.kernels"))
        .ToString();

    private static string Read(string name)
    {
        var assembly = typeof(KernelSource).Assembly;
        using var stream = assembly.GetManifestResourceStream("Kiln.Tensors.Kernels." + name)
            ?? throw new InvalidOperationException($"Kiln.Tensors: the embedded kernel source '{name}' is missing from the assembly; rebuild Kiln.Tensors.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
