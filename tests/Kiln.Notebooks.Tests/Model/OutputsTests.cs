using System.Text.Json.Nodes;
using Kiln.Display;
using Kiln.Notebooks.Tests.Judge;

namespace Kiln.Notebooks.Tests.Model;

public sealed class OutputsTests
{
    [Fact]
    public void FromBundle_TextAndJsonMimeTypes_WritesValidNotebookWithSplitTextAndJsonValues()
    {
        using var temp = Fixture.NewTempFolder();
        var bundle = new MimeBundle()
            .Add(MimeTypes.Html, "<table>\n<tr><td>1 & 2</td></tr>\n</table>")
            .Add(MimeTypes.PlotlyJson, new JsonObject { ["data"] = new JsonArray(1.5, 2, "x") })
            .Add(MimeTypes.PlainText, "Frame[2 x 1]\nrow");
        bundle.Metadata["text/html"] = new JsonObject { ["isolated"] = true };
        var document = NotebookDocument.CreateCSharp();
        var cell = NotebookCell.Code("frame");
        cell.ExecutionCount = 1;
        cell.Outputs.Add(DisplayDataOutput.FromBundle(bundle));
        cell.Outputs.Add(ExecuteResultOutput.FromBundle(MimeBundle.FromText("42"), 1));
        cell.Outputs.Add(new StreamOutput(StreamOutput.StdErr, "warn\n"));
        cell.Outputs.Add(new ErrorOutput("InvalidOperationException", "bad <state>", ["line 1", "line 2"]));
        document.Cells.Add(cell);
        var path = temp.File("bundle.ipynb");

        NotebookFile.Save(document, path);
        var result = NbformatJudge.JudgeOne(path);
        var text = File.ReadAllText(path);

        result.Valid.ShouldBeTrue(result.Error);
        result.Canonical.ShouldBeTrue(result.Diff);
        text.ShouldContain("\"text/html\": [\n       \"<table>\\n\",\n       \"<tr><td>1 & 2</td></tr>\\n\",\n       \"</table>\"\n      ]", Case.Sensitive);
        text.ShouldContain("\"application/vnd.plotly.v1+json\": {\n       \"data\": [\n        1.5,\n        2,\n        \"x\"\n       ]\n      }", Case.Sensitive);
    }

    [Fact]
    public void ToBundle_AfterFromBundle_GivesBackTextJsonAndMetadata()
    {
        var bundle = new MimeBundle().Add(MimeTypes.PlainText, "x").Add(MimeTypes.Json, new JsonObject { ["a"] = 1 });
        bundle.Metadata["application/json"] = new JsonObject { ["expanded"] = true };

        var back = DisplayDataOutput.FromBundle(bundle).ToBundle();

        back.GetText(MimeTypes.PlainText).ShouldBe("x");
        JsonNode.DeepEquals(back.GetJson(MimeTypes.Json), bundle.GetJson(MimeTypes.Json)).ShouldBeTrue();
        back.Metadata["application/json"]!["expanded"]!.GetValue<bool>().ShouldBeTrue();
        back.MimeTypes.ShouldBe([MimeTypes.PlainText, MimeTypes.Json]);
    }

    [Fact]
    public void UnknownOutput_WithoutOutputType_Throws() =>
        Should.Throw<ArgumentException>(() => new UnknownOutput(new JsonObject { ["x"] = 1 })).Message.ShouldContain("output_type", Case.Sensitive);

    [Fact]
    public void ClearOutputs_CodeCell_RemovesOutputsAndCount()
    {
        var cell = NotebookCell.Code("1");
        cell.ExecutionCount = 3;
        cell.Outputs.Add(new StreamOutput(StreamOutput.StdOut, "1"));

        cell.ClearOutputs();

        cell.Outputs.ShouldBeEmpty();
        cell.ExecutionCount.ShouldBeNull();
    }
}
