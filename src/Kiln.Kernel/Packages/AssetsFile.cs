using System.Text.Json;

namespace Kiln.Kernel.Packages;

/// <summary>Reads the runtime assemblies and resolved versions from a restored project's <c>project.assets.json</c>.</summary>
internal static class AssetsFile
{
    /// <summary>Reads the assets file at <paramref name="path"/> for <paramref name="targetFramework"/>.</summary>
    /// <exception cref="PackageRestoreException">The file is missing or has no entry for a requested package.</exception>
    public static RestoredPackages Read(string path, string targetFramework, IReadOnlyList<PackageRequest> packages)
    {
        if (!File.Exists(path))
        {
            throw new PackageRestoreException($"The restore of {string.Join(", ", packages)} produced no assets file at '{path}'.");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var packageFolders = root.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).ToList();
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First(t => t.Name.StartsWith(targetFramework, StringComparison.Ordinal)).Value;

        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var assemblies = new List<string>();
        foreach (var entry in target.EnumerateObject())
        {
            if (entry.Value.GetProperty("type").GetString() != "package")
            {
                continue;
            }

            var slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
            versions[entry.Name[..slash]] = entry.Name[(slash + 1)..];
            if (!entry.Value.TryGetProperty("runtime", out var runtime))
            {
                continue;
            }

            var libraryPath = libraries.GetProperty(entry.Name).GetProperty("path").GetString()!;
            foreach (var asset in runtime.EnumerateObject().Where(a => a.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                var full = packageFolders
                    .Select(folder => Path.GetFullPath(Path.Combine(folder, libraryPath, asset.Name)))
                    .FirstOrDefault(File.Exists);
                if (full is not null)
                {
                    assemblies.Add(full);
                }
            }
        }

        var requested = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in packages)
        {
            requested[package.Id] = versions.TryGetValue(package.Id, out var version)
                ? version
                : throw new PackageRestoreException($"The restore did not resolve package '{package}'.");
        }

        return new RestoredPackages(requested, assemblies);
    }
}
