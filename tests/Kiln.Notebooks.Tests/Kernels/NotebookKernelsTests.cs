using System.Text.Json.Nodes;
using Kiln.Notebooks.Tests.Judge;

namespace Kiln.Notebooks.Tests.Kernels;

/// <summary>Expected kernels follow polyglot-kernel.md §2.2 precedence applied to the fixtures' metadata.</summary>
public sealed class NotebookKernelsTests
{
    [Fact]
    public void GetCellKernelName_PolyglotNotebook_UsesCellMetadataSourceDirectiveAndDefault()
    {
        var document = NotebookFile.Load(Fixture.PathOf("canonical/polyglot-csharp.ipynb"));

        document.Cells.Select(c => NotebookKernels.GetCellKernelName(document, c))
            .ShouldBe(["markdown", "csharp", "fsharp", "pwsh", "fsharp", "csharp"]);
        document.Cells.Select(c => NotebookKernels.IsExecutableCSharp(document, c))
            .ShouldBe([false, true, false, false, false, true]);
    }

    [Fact]
    public void GetCellKernelName_LegacyDotnetInteractiveLanguage_IsRead()
    {
        var document = NotebookFile.Load(Fixture.PathOf("noncanonical/dotnet-interactive-legacy.ipynb"));

        document.Cells.Select(c => NotebookKernels.GetCellKernelName(document, c)).ShouldBe(["markdown", "csharp", "fsharp"]);
    }

    [Fact]
    public void GetDefaultKernelName_PythonKernelspec_IsPythonSoNoCellIsCSharp()
    {
        var document = NotebookFile.Load(Fixture.PathOf("noncanonical/nbformat44-no-ids.ipynb"));

        NotebookKernels.GetDefaultKernelName(document).ShouldBe("python");
        document.Cells.ShouldAllBe(c => !NotebookKernels.IsExecutableCSharp(document, c));
    }

    [Theory]
    [InlineData("""{"kernelspec": {"name": "kiln-csharp", "display_name": "C# (Kiln)"}}""", "csharp")]
    [InlineData("""{"kernelspec": {"name": ".net-csharp", "display_name": ".NET (C#)"}}""", "csharp")]
    [InlineData("""{"kernelspec": {"name": ".net-fsharp", "display_name": ".NET (F#)", "language": "F#"}}""", "fsharp")]
    [InlineData("""{"kernelspec": {"name": "other", "display_name": "x", "language": "C#"}}""", "csharp")]
    [InlineData("""{"kernelspec": {"name": ".net-csharp", "display_name": "x"}, "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "fsharp"}}}""", "fsharp")]
    [InlineData("""{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "pwsh"}}, "kernelInfo": {"defaultKernelName": "fsharp"}}""", "fsharp")]
    [InlineData("""{"dotnet_interactive": {"defaultKernelName": "fsharp"}, "kernelspec": {"name": ".net-csharp", "display_name": "x"}}""", "fsharp")]
    [InlineData("""{"language_info": {"name": "polyglot-notebook"}}""", "csharp")]
    [InlineData("""{}""", "csharp")]
    public void GetDefaultKernelName_Metadata_FollowsPrecedence(string metadata, string expected)
    {
        var document = new NotebookDocument { Metadata = JsonNode.Parse(metadata)!.AsObject() };

        NotebookKernels.GetDefaultKernelName(document).ShouldBe(expected);
    }

    [Fact]
    public void SetCellKernelName_CodeCell_WritesCurrentAndLegacyKeys()
    {
        var document = NotebookDocument.CreateCSharp();
        var cell = NotebookCell.Code("let x = 1");
        document.Cells.Add(cell);

        NotebookKernels.SetCellKernelName(cell, KernelNames.FSharp);

        cell.Metadata["polyglot_notebook"]!["kernelName"]!.GetValue<string>().ShouldBe("fsharp");
        cell.Metadata["dotnet_interactive"]!["language"]!.GetValue<string>().ShouldBe("fsharp");
        NotebookKernels.IsExecutableCSharp(document, cell).ShouldBeFalse();
    }

    [Theory]
    [InlineData("C#", "csharp")]
    [InlineData("c#", "csharp")]
    [InlineData("F#", "fsharp")]
    [InlineData("PowerShell", "pwsh")]
    [InlineData("js", "javascript")]
    [InlineData("md", "markdown")]
    [InlineData("python", "python")]
    public void Normalize_AliasOrLanguage_GivesKernelName(string name, string expected) =>
        KernelNames.Normalize(name).ShouldBe(expected);
}
