using Kiln.Serving.Packaging;

namespace Kiln.Serving.Repository;

/// <summary>Discovery facet: finding model directories under the root.</summary>
public sealed partial class ModelRepository
{
    private List<(string Name, string Version, string Directory)> Discover(bool strict)
    {
        var found = new List<(string Name, string Version, string Directory)>();
        if (File.Exists(Path.Combine(Root, ModelPackage.ManifestFileName)))
        {
            Add(found, Root, strict);
        }
        else if (Directory.Exists(Root))
        {
            foreach (var model in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(model, ModelPackage.ManifestFileName)))
                {
                    Add(found, model, strict);
                    continue;
                }

                foreach (var version in Directory.EnumerateDirectories(model).Order(StringComparer.Ordinal))
                {
                    if (File.Exists(Path.Combine(version, ModelPackage.ManifestFileName)))
                    {
                        Add(found, version, strict);
                    }
                }
            }
        }

        var duplicate = found.GroupBy(f => (f.Name, f.Version)).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? found
            : throw new InvalidDataException(
                $"Model '{duplicate.Key.Name}' version '{duplicate.Key.Version}' is in two directories ({string.Join(", ", duplicate.Select(d => d.Directory))}); give each a distinct version.");
    }

    private static void Add(List<(string, string, string)> found, string directory, bool strict)
    {
        try
        {
            var manifest = ModelPackage.ReadManifest(directory);
            found.Add((manifest.Name, manifest.Version, directory));
        }
        catch (InvalidDataException) when (!strict)
        {
            // An invalid manifest is reported when that model is loaded; the index lists only readable ones.
        }
    }
}
