using Kiln.Kernel;

namespace Kiln.Jupyter;

/// <summary>Derives the options of the kernel behind Jupyter from the caller's options.</summary>
internal static class JupyterKernelOptions
{
    /// <summary>Returns a copy of <paramref name="options"/> with hard stops on interrupt, and <see cref="JupyterInput"/> referenced and imported.</summary>
    public static KernelOptions Adapt(KernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var imports = options.Imports.ToList();
        if (!imports.Contains("Kiln.Jupyter"))
        {
            imports.Add("Kiln.Jupyter");
        }

        var references = options.References.ToList();
        if (!references.Contains(typeof(JupyterInput).Assembly))
        {
            references.Add(typeof(JupyterInput).Assembly);
        }

        return new KernelOptions
        {
            Imports = imports,
            References = references,
            OnDemandLibraries = [.. options.OnDemandLibraries],
            HardStopOnCancel = true,
            CacheDirectory = options.CacheDirectory,
            NuGetPackagesDirectory = options.NuGetPackagesDirectory,
            NuGetSources = [.. options.NuGetSources],
            IsolateNuGetSources = options.IsolateNuGetSources,
            RestoreTimeout = options.RestoreTimeout,
            TimeProvider = options.TimeProvider,
        };
    }
}
