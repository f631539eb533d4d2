namespace Kiln.Testing;

/// <summary>Finds files of the repository (data/, notebooks/, .devcontainer/) from a test's output folder.</summary>
/// <remarks>Linked into every test project by Directory.Build.props.</remarks>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds Kernel.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kernel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Kernel.sln not found above " + AppContext.BaseDirectory);
    }
}
