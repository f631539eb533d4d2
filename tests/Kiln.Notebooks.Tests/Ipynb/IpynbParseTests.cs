using System.Text.Json.Nodes;
using Kiln.Notebooks.Tests.Judge;

namespace Kiln.Notebooks.Tests.Ipynb;

/// <summary>Expected values are the inputs of scripts/golden/notebooks.py, read back through the model.</summary>
public sealed class IpynbParseTests
{
    [Fact]
    public void Parse_CanonicalOutputs_ModelsEveryOutputType()
    {
        var document = NotebookFile.Load(Fixture.PathOf("canonical/outputs-all-types.ipynb"));

        document.Cells.Select(c => c.CellType).ShouldBe(["markdown", "code", "code", "code", "code", "raw"]);
        document.Cells.Select(c => c.Id).ShouldBe(["cell-0", "cell-1", "cell-2", "cell-3", "cell-4", "cell-5"]);
        var stream = document.Cells[1].Outputs[0].ShouldBeOfType<StreamOutput>();
        stream.Name.ShouldBe(StreamOutput.StdOut);
        stream.Text.ShouldBe("hello <world> & 'friends'\nsecond line\r\nthird\rfourth");
        var display = document.Cells[2].Outputs[0].ShouldBeOfType<DisplayDataOutput>();
        display.GetText("text/plain").ShouldBe("Chart(2 traces)\nsecond line");
        display.Data["application/json"].ShouldBeOfType<JsonObject>()["c"]!["nested"]!.GetValue<string>().ShouldBe("über");
        display.Metadata["image/png"]!["width"]!.GetValue<int>().ShouldBe(640);
        var result = document.Cells[2].Outputs[1].ShouldBeOfType<ExecuteResultOutput>();
        result.ExecutionCount.ShouldBe(2);
        result.GetText("text/plain").ShouldBe("42");
        var error = document.Cells[3].Outputs[0].ShouldBeOfType<ErrorOutput>();
        error.EName.ShouldBe("DivideByZeroException");
        error.Traceback.Count.ShouldBe(2);
        document.Cells[4].ExecutionCount.ShouldBeNull();
        document.Cells[4].Source.ShouldBe(string.Empty);
        document.Cells[0].Attachments!["pic.png"]!["text/plain"]!.GetValue<string>().ShouldBe("a tiny\npicture\n");
        document.Cells[0].Source.ShouldStartWith("# Title with <>&' and unicode: café, 日本語, emoji 😀\n");
        document.Metadata["zeta_unknown"]!["Upper"]!.GetValue<string>().ShouldBe("sorted before lower");
    }

    [Fact]
    public void Parse_DotnetInteractiveLegacy_RejoinsSplitTextAndKeepsJsonMimeArrays()
    {
        var document = NotebookFile.Load(Fixture.PathOf("noncanonical/dotnet-interactive-legacy.ipynb"));

        var result = document.Cells[1].Outputs[0].ShouldBeOfType<ExecuteResultOutput>();
        result.GetText("text/html").ShouldBe("<div>1</div>");
        result.GetText("image/png")!.Length.ShouldBeGreaterThan(20);
        // nbformat's rejoin_lines leaves JSON MIME values alone, so the split array stays an array.
        result.Data["application/json"].ShouldBeOfType<JsonArray>().Count.ShouldBe(2);
        document.Cells[0].Source.ShouldBe("# Legacy\nnotebook");
        document.NbformatMinor.ShouldBe(4);
    }

    [Fact]
    public void Parse_Nbformat44WithoutIds_AssignsValidUniqueIds()
    {
        var document = NotebookFile.Load(Fixture.PathOf("noncanonical/nbformat44-no-ids.ipynb"));

        document.Cells.ShouldAllBe(c => CellIds.IsValid(c.Id));
        document.Cells.Select(c => c.Id).Distinct().Count().ShouldBe(document.Cells.Count);
    }

    [Fact]
    public void Save_RepeatedlyAfterLoadingWithoutIds_KeepsTheSameIds()
    {
        using var temp = Fixture.NewTempFolder();
        var document = NotebookFile.Load(Fixture.PathOf("noncanonical/nbformat44-no-ids.ipynb"));
        var path = temp.File("out.ipynb");

        NotebookFile.Save(document, path);
        var first = File.ReadAllText(path);
        document.Cells[1].Outputs.Add(new StreamOutput(StreamOutput.StdOut, "more\n"));
        NotebookFile.Save(document, path);

        NotebookFile.Load(path).Cells.Select(c => c.Id).ShouldBe(IpynbFormat.Parse(first).Cells.Select(c => c.Id));
    }

    [Fact]
    public void Parse_DuplicateIds_RenamesLaterDuplicates()
    {
        var document = NotebookFile.Load(Fixture.PathOf("noncanonical/future-types.ipynb"));

        document.Cells[0].Id.ShouldBe("same");
        document.Cells[1].Id.ShouldNotBe("same");
        CellIds.IsValid(document.Cells[1].Id).ShouldBeTrue();
    }
}
