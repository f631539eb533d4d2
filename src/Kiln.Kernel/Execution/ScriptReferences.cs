using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Kiln.Kernel.Execution;

/// <summary>Creates a kernel's metadata references once, resolved to files, for all of its submissions to reuse.</summary>
/// <remarks>
/// <c>ScriptOptions.Default</c> names its framework assemblies (<c>System.Runtime</c>, <c>System.Console</c>, …) by name,
/// and Roslyn resolves such names again for every submission: it reads each file and builds new assembly symbols, which
/// was about half of the compile time of a trivial cell. With references resolved once, every submission of the kernel
/// reuses the same metadata and the symbols built from it. Each kernel gets its own references: kernels compile
/// concurrently, and sharing metadata between their compilations made Roslyn intermittently miss well-known members.
/// </remarks>
internal static class ScriptReferences
{
    /// <summary>Returns the framework references of <c>ScriptOptions.Default</c> followed by those of <paramref name="assemblies"/>,
    /// one per file; framework names that do not resolve are left out, as Roslyn does.</summary>
    /// <exception cref="NotSupportedException">An assembly has no file (dynamic, or loaded from bytes).</exception>
    public static IReadOnlyList<MetadataReference> Resolve(IEnumerable<Assembly> assemblies)
    {
        var byPath = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        var references = new List<MetadataReference>();
        void Add(string path, Func<MetadataReference> create)
        {
            if (!byPath.ContainsKey(path))
            {
                var reference = create();
                byPath[path] = reference;
                references.Add(reference);
            }
        }

        var defaults = ScriptOptions.Default;
        foreach (var reference in defaults.MetadataReferences)
        {
            if (reference is not UnresolvedMetadataReference name)
            {
                references.Add(reference);
                continue;
            }

            var files = defaults.MetadataResolver.ResolveReference(name.Reference, baseFilePath: null, name.Properties);
            foreach (var file in files.IsDefault ? [] : files)
            {
                Add(file.FilePath ?? name.Reference, () => file);
            }
        }

        foreach (var assembly in assemblies)
        {
            var path = FileOf(assembly);
            Add(path, () => MetadataReference.CreateFromFile(path));
        }

        return references;
    }

    /// <summary>Returns the file of <paramref name="assembly"/>, which cells can reference.</summary>
    /// <exception cref="NotSupportedException">The assembly has no file (dynamic, or loaded from bytes).</exception>
    public static string FileOf(Assembly assembly) =>
        assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)
            ? throw new NotSupportedException($"Cannot reference the assembly '{assembly.GetName().Name}' in cells: it has no file (it is dynamic or was loaded from bytes).")
            : assembly.Location;
}
