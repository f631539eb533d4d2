namespace Kiln.Runner.Tests;

public sealed class NotebookInputsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-inputs-").FullName;

    public NotebookInputsTests()
    {
        foreach (var file in new[] { "a.ipynb", "b.dib", "notes.txt", "sub/c.ipynb", "sub/.ipynb_checkpoints/c-checkpoint.ipynb" })
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Expand_Folder_FindsNotebooksRecursivelyWithoutCheckpoints() =>
        NotebookInputs.Expand([_root]).Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/'))
            .ShouldBe(["a.ipynb", "b.dib", "sub/c.ipynb"]);

    [Fact]
    public void Expand_Glob_MatchesPattern() =>
        NotebookInputs.Expand([Path.Combine(_root, "**", "*.ipynb")]).Select(Path.GetFileName).ShouldBe(["a.ipynb", "c.ipynb"]);

    [Fact]
    public void Expand_MissingFile_ThrowsNamingIt() =>
        Should.Throw<FileNotFoundException>(() => NotebookInputs.Expand([Path.Combine(_root, "nope.ipynb")]))
            .Message.ShouldContain("nope.ipynb");

    [Fact]
    public void Expand_PatternMatchingNothing_Throws() =>
        Should.Throw<FileNotFoundException>(() => NotebookInputs.Expand([Path.Combine(_root, "*.md")]))
            .Message.ShouldContain("matches no");
}
