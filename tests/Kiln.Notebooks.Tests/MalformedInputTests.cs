using System.Text.Json;
using Kiln.Notebooks.Tests.Judge;

namespace Kiln.Notebooks.Tests;

/// <summary>Positions come from malformed/expected.json: Python's json module for bad JSON, the fixture text otherwise.</summary>
public sealed class MalformedInputTests
{
    private static readonly Dictionary<string, JsonElement> Expected =
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Fixture.Text("malformed/expected.json"))!;

    public static TheoryData<string> MalformedFixtures() => [.. Expected.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(MalformedFixtures))]
    public void Load_MalformedFile_ThrowsNotebookFormatExceptionWithPosition(string name)
    {
        var path = Fixture.PathOf("malformed/" + name);
        var expected = Expected[name];
        var line = expected.GetProperty("line").GetInt32();
        var column = expected.GetProperty("column").GetInt32();

        var error = Should.Throw<NotebookFormatException>(() => NotebookFile.Load(path));

        error.FilePath.ShouldBe(path);
        error.Line.ShouldBe(line);
        error.Column.ShouldBe(column);
        error.Message.ShouldStartWith($"{path}({line},{column}): ");
        error.Message.ShouldContain(expected.GetProperty("contains").GetString()!, Case.Sensitive);
    }

    [Fact]
    public void Parse_CellsNotArray_MessageMatchesCompilerStyle()
    {
        var text = Fixture.Text("malformed/cells-not-array.ipynb");

        var error = Should.Throw<NotebookFormatException>(() => IpynbFormat.Parse(text, "broken.ipynb"));

        error.Message.ShouldBe("broken.ipynb(2,11): expected \"cells\" to be an array");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 6}")]
    [InlineData("{\"cells\": [], \"metadata\": [], \"nbformat\": 4, \"nbformat_minor\": 5}")]
    [InlineData("{\"cells\": [], \"nbformat\": 4, \"nbformat_minor\": 5}")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\"}]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"execution_count\": \"1\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}")]
    public void Parse_WrongShape_ThrowsNotebookFormatException(string text)
    {
        var error = Should.Throw<NotebookFormatException>(() => IpynbFormat.Parse(text, "x.ipynb"));

        error.Message.ShouldStartWith("x.ipynb");
        error.FilePath.ShouldBe("x.ipynb");
    }
}
