using System.Reflection;
using System.Runtime.Loader;

namespace Kiln.Kernel.Execution;

/// <summary>Loads a kernel's submission assemblies, and the assemblies its cells referenced with <c>#r</c>.</summary>
/// <remarks>
/// A submission refers to the earlier ones by assembly name, and this context resolves those names. Other names go to the
/// host's assemblies (already loaded, or among the application's: the framework, Kiln) when it has them in a version at
/// least as high as asked, so cells and the host share one copy of each type; otherwise to a file a cell referenced, or
/// one next to such a file (the dependencies of a DLL referenced by path).
/// </remarks>
internal sealed class SubmissionLoadContext : AssemblyLoadContext
{
    private static readonly Lazy<Dictionary<string, string>> ApplicationAssemblies = new(ReadApplicationAssemblies);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Assembly> _submissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _referencedFiles = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _referencedFolders = [];

    /// <summary>Creates a context; a collectible one is unloaded with its assemblies once nothing uses them.</summary>
    public SubmissionLoadContext(bool isCollectible = false)
        : base("Kiln cells", isCollectible)
    {
    }

    /// <summary>Loads a submission's assembly from its image, for later submissions to refer to by name.</summary>
    public Assembly LoadSubmission(Stream image)
    {
        var assembly = LoadFromStream(image);
        lock (_gate)
        {
            _submissions[assembly.GetName().Name!] = assembly;
        }

        return assembly;
    }

    /// <summary>Makes the assemblies in <paramref name="files"/>, and those next to them, loadable for cells.</summary>
    public void AddReferencedFiles(IEnumerable<string> files)
    {
        lock (_gate)
        {
            foreach (var file in files)
            {
                _referencedFiles.TryAdd(Path.GetFileNameWithoutExtension(file), file);
                if (Path.GetDirectoryName(file) is { } folder && !_referencedFolders.Contains(folder, StringComparer.Ordinal))
                {
                    _referencedFolders.Add(folder);
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name ?? string.Empty;
        string? file;
        lock (_gate)
        {
            if (_submissions.TryGetValue(name, out var submission))
            {
                return submission;
            }

            if (Default.Assemblies.FirstOrDefault(a => IsAtLeast(a.GetName(), assemblyName)) is { } loaded)
            {
                return loaded;
            }

            if (ApplicationAssemblies.Value.TryGetValue(name, out var application)
                && IsAtLeast(AssemblyName.GetAssemblyName(application), assemblyName))
            {
                return null; // the default context loads it
            }

            file = _referencedFiles.GetValueOrDefault(name)
                ?? _referencedFolders.Select(folder => Path.Combine(folder, name + ".dll")).FirstOrDefault(File.Exists);
        }

        return file is null ? null : LoadFromAssemblyPath(file);
    }

    /// <summary>Whether <paramref name="candidate"/> is the assembly <paramref name="wanted"/>, in the same version or a later one.</summary>
    private static bool IsAtLeast(AssemblyName candidate, AssemblyName wanted) =>
        string.Equals(candidate.Name, wanted.Name, StringComparison.OrdinalIgnoreCase)
        && (wanted.Version is null || candidate.Version >= wanted.Version);

    /// <summary>Reads the application's assemblies (its trusted platform assemblies), by simple name.</summary>
    private static Dictionary<string, string> ReadApplicationAssemblies()
    {
        var files = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            byName.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        }

        return byName;
    }
}
