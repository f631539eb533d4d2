using Kiln.Kernel;

namespace Kiln.Cli;

/// <summary>The kernel configuration of Kiln's own processes: the C# defaults plus Kiln's libraries, referenced and imported.</summary>
internal static class KilnKernelOptions
{
    public static KernelOptions Create() => new();
}
