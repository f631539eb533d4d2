namespace Kiln.Notebooks.Tests.Judge;

/// <summary>Paths of the committed fixtures (produced by scripts/golden/notebooks.py) in the test output folder.</summary>
internal static class Fixture
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.GetFiles(Path.Combine(Root, folder), pattern).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>A fresh empty folder under the system temp directory, deleted by <see cref="IDisposable.Dispose"/>.</summary>
    public static TempFolder NewTempFolder() => new();

    internal sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kiln-notebooks-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
