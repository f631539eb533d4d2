using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Kiln.Jupyter.Language;

/// <summary>Builds the metadata references for analysis: the framework's reference assemblies (with XML docs) and the kernel's libraries.</summary>
internal static class ReferenceSet
{
    /// <summary>Returns references for the framework plus <paramref name="assemblies"/> that live outside it.</summary>
    /// <remarks>
    /// The framework comes from the SDK's reference pack (<c>packs/Microsoft.NETCore.App.Ref</c>) when installed, because
    /// only it carries XML documentation; otherwise from the runtime folder, without documentation.
    /// </remarks>
    public static IReadOnlyList<MetadataReference> Create(IEnumerable<Assembly> assemblies)
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var framework = FindReferencePack(runtimeDirectory) ?? runtimeDirectory;
        var references = new List<MetadataReference>();
        foreach (var path in Directory.EnumerateFiles(framework, "*.dll"))
        {
            if (IsManagedAssembly(path))
            {
                references.Add(FromFile(path));
            }
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in assemblies)
        {
            var location = assembly.IsDynamic ? string.Empty : assembly.Location;
            if (location.Length > 0
                && !location.StartsWith(runtimeDirectory, StringComparison.Ordinal)
                && seen.Add(location))
            {
                references.Add(FromFile(location));
            }
        }

        return references;
    }

    /// <summary>Returns references for assembly files that cells added with <c>#r</c>.</summary>
    public static IEnumerable<MetadataReference> FromFiles(IEnumerable<string> paths) => paths.Select(FromFile);

    private static MetadataReference FromFile(string path)
    {
        var xml = Path.ChangeExtension(path, ".xml");
        return MetadataReference.CreateFromFile(path, documentation: File.Exists(xml) ? XmlDocumentationProvider.CreateFromFile(xml) : null);
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            _ = AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static string? FindReferencePack(string runtimeDirectory)
    {
        // runtimeDirectory is <dotnet>/shared/Microsoft.NETCore.App/<version>/.
        var version = new DirectoryInfo(runtimeDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        var tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var exact = Path.Combine(packs, version, "ref", tfm);
        if (Directory.Exists(exact))
        {
            return exact;
        }

        return Directory.EnumerateDirectories(packs, $"{Environment.Version.Major}.*")
            .Select(d => Path.Combine(d, "ref", tfm))
            .Where(Directory.Exists)
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
