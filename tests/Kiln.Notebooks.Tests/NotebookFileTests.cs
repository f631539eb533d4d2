using System.Text.Json.Nodes;
using Kiln.Notebooks.Tests.Judge;

namespace Kiln.Notebooks.Tests;

public sealed class NotebookFileTests
{
    [Theory]
    [InlineData("a.ipynb", NotebookFileFormat.Ipynb)]
    [InlineData("A.IPYNB", NotebookFileFormat.Ipynb)]
    [InlineData("dir/b.dib", NotebookFileFormat.Dib)]
    public void GetFormat_KnownExtension_ReturnsFormat(string path, NotebookFileFormat expected) =>
        NotebookFile.GetFormat(path).ShouldBe(expected);

    [Fact]
    public void GetFormat_UnknownExtension_ThrowsNamingTheFix() =>
        Should.Throw<ArgumentException>(() => NotebookFile.GetFormat("notes.txt")).Message.ShouldContain(".ipynb or .dib", Case.Sensitive);

    [Fact]
    public void Save_OverExistingFile_ReplacesItAndLeavesNoTempFiles()
    {
        using var temp = Fixture.NewTempFolder();
        var path = temp.File("nb.ipynb");
        File.WriteAllText(path, "old");

        NotebookFile.Save(NotebookFile.Load(Fixture.PathOf("canonical/polyglot-csharp.ipynb")), path);

        File.ReadAllText(path).ShouldBe(Fixture.Text("canonical/polyglot-csharp.ipynb"));
        Directory.GetFiles(temp.Path).ShouldBe([path]);
    }

    [Fact]
    public void Save_WhenSerializationFails_KeepsThePreviousFile()
    {
        using var temp = Fixture.NewTempFolder();
        var path = temp.File("nb.ipynb");
        File.WriteAllText(path, "previous");
        var document = new NotebookDocument();
        document.Metadata["bad"] = JsonValue.Create(new Unserializable());

        Should.Throw<Exception>(() => NotebookFile.Save(document, path));

        File.ReadAllText(path).ShouldBe("previous");
        Directory.GetFiles(temp.Path).ShouldBe([path]);
    }

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_RoundTrips()
    {
        using var temp = Fixture.NewTempFolder();
        var path = temp.File("nb.ipynb");
        var source = NotebookFile.Load(Fixture.PathOf("canonical/outputs-all-types.ipynb"));

        await NotebookFile.SaveAsync(source, path, TestContext.Current.CancellationToken);
        var loaded = await NotebookFile.LoadAsync(path, TestContext.Current.CancellationToken);

        IpynbFormat.Serialize(loaded).ShouldBe(Fixture.Text("canonical/outputs-all-types.ipynb"));
        Directory.GetFiles(temp.Path).ShouldBe([path]);
    }

    [Fact]
    public void Save_WrittenBytes_AreUtf8WithoutBomEndingInNewline()
    {
        using var temp = Fixture.NewTempFolder();
        var path = temp.File("nb.ipynb");

        NotebookFile.Save(NotebookDocument.CreateCSharp(), path);
        var bytes = File.ReadAllBytes(path);

        bytes[0].ShouldBe((byte)'{');
        bytes[^1].ShouldBe((byte)'\n');
        NbformatJudge.JudgeOne(path).Valid.ShouldBeTrue();
    }

    private sealed class Unserializable
    {
        public int Value => throw new InvalidOperationException("cannot serialize");
    }
}
