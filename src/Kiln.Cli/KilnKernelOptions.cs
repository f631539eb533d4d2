using System.Reflection;
using Kiln.Kernel;

namespace Kiln.Cli;

/// <summary>The kernel configuration of Kiln's own processes: the C# defaults plus Kiln's libraries, referenced and imported,
/// so notebooks use them with no <c>#r</c> or <c>using</c>.</summary>
internal static class KilnKernelOptions
{
    private static readonly string[] LibraryImports =
    [
        "Kiln.Data",
        "Kiln.Data.Preprocessing",
        "Kiln.Charts",
        "Kiln.Metrics",
        "Kiln.Tensors",
        "Kiln.Nn",
        "Kiln.Nn.Optimizers",
        "Kiln.Nn.Schedulers",
        "Kiln.Nn.Data",
        "Kiln.Nn.Training",
        "Kiln.Nn.Checkpoints",
    ];

    private static readonly Assembly[] LibraryReferences =
    [
        typeof(Kiln.Data.Frame).Assembly,
        typeof(Kiln.Charts.Chart).Assembly,
        typeof(Kiln.Metrics.ClassificationMetrics).Assembly,
        typeof(Kiln.Tensors.Tensor).Assembly,
        typeof(Kiln.Nn.Module).Assembly,
    ];

    /// <summary>Kiln.Serving brings ASP.NET Core, whose ~80 assemblies made every cell's compile about a third slower: it is
    /// referenced from the first cell that names it (<c>ModelServer</c>, <c>using Kiln.Serving;</c>, ...).</summary>
    private static readonly OnDemandLibrary Serving = new(
        typeof(Kiln.Serving.ModelServer).Assembly,
        ["Kiln.Serving", "Kiln.Serving.Client", "Kiln.Serving.Packaging"]);

    public static KernelOptions Create() => new()
    {
        Imports = [.. KernelOptions.DefaultImports, .. LibraryImports],
        References = [.. KernelOptions.DefaultReferences, .. LibraryReferences],
        OnDemandLibraries = [Serving],
    };
}
