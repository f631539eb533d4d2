using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Notebooks.Tests.Judge;

namespace Kiln.Notebooks.Tests.Json;

/// <summary>Numbers and strings created in code must be written as Python's json.dumps writes them.</summary>
public sealed class PythonJsonTests
{
    private sealed record FloatRow(long Bits, string Json);

    [Fact]
    public void Serialize_DoublesCreatedInCode_MatchPythonJsonDumps()
    {
        var rows = JsonSerializer.Deserialize<List<FloatRow>>(Fixture.Text("json/floats.json"),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var document = new NotebookDocument();
        for (var i = 0; i < rows.Count; i++)
        {
            document.Metadata[$"v{i:00}"] = JsonValue.Create(BitConverter.Int64BitsToDouble(rows[i].Bits));
        }

        var text = IpynbFormat.Serialize(document);

        for (var i = 0; i < rows.Count; i++)
        {
            var entry = $"\"v{i:00}\": {rows[i].Json}";
            (text.Contains(entry + ",\n", StringComparison.Ordinal) || text.Contains(entry + "\n }", StringComparison.Ordinal))
                .ShouldBeTrue($"row {i}: expected {entry}");
        }
    }

    [Fact]
    public void Serialize_TrickyStringsAndKeys_IsCanonicalPerPythonNbformat()
    {
        using var temp = Fixture.NewTempFolder();
        var allChars = string.Concat(Enumerable.Range(0, 0x180).Select(c => (char)c)) + "\u2028\u2029\uFEFF😀\uFFFF";
        var document = NotebookDocument.CreateCSharp();
        document.Metadata["strings"] = new JsonObject
        {
            ["all"] = allChars,
            ["\uFFFF-bmp-last"] = 1,
            ["😀-astral"] = 2,
            ["Zed"] = 3,
            ["alpha"] = 4,
            ["values"] = new JsonArray(long.MaxValue, 1m, 0.5f, true, null, JsonValue.Create('c'), "<>&'+"),
        };
        document.Cells.Add(NotebookCell.Markdown("a\u2028b\u0085c\x1cd\re\r\nf\vg\fh"));
        document.Cells.Add(NotebookCell.Raw(allChars));
        var path = temp.File("tricky.ipynb");

        NotebookFile.Save(document, path);
        var result = NbformatJudge.JudgeOne(path);

        result.Valid.ShouldBeTrue(result.Error);
        result.Canonical.ShouldBeTrue(result.Diff);
        NotebookFile.Load(path).Cells[1].Source.ShouldBe(allChars);
    }
}
