using Kiln.Notebooks.Tests.Judge;

namespace Kiln.Notebooks.Tests.Dib;

/// <summary>Expected cells follow polyglot-kernel.md §2.1 (dotnet/interactive CodeSubmission) applied to the fixture text.</summary>
public sealed class DibFormatTests
{
    [Fact]
    public void Serialize_CanonicalDib_ReproducesItByteForByte()
    {
        var text = Fixture.Text("dib/canonical.dib");

        var document = DibFormat.Parse(text);

        document.Cells.Select(c => (c.CellType, c.Source)).ShouldBe([("markdown", "# Verify execution count."), ("code", "1+1")]);
        DibFormat.Serialize(document).ShouldBe(text);
    }

    [Fact]
    public void Parse_MixedKernelsCrlfAndMagics_SplitsOnKernelNamesOnly()
    {
        var document = NotebookFile.Load(Fixture.PathOf("dib/mixed-crlf.dib"));

        var cells = document.Cells.Select(c => (NotebookKernels.GetCellKernelName(document, c), c.Source)).ToList();

        cells.ShouldBe(
        [
            ("markdown", "Intro with <>&' café"),
            ("csharp", "#!time\nvar x = 1;\n\n\n#!set --name y --value 2\nx"),
            ("fsharp", "let y = 2"),
            ("pwsh", "Get-Date"),
            ("csharp", "Console.WriteLine(1);"),
            ("javascript", "console.log(1)"),
        ]);
        document.Cells.Select(c => NotebookKernels.IsExecutableCSharp(document, c)).ShouldBe([false, true, false, false, true, false]);
    }

    [Fact]
    public void Serialize_MixedDib_UsesLfAndRoundTripsCellsAndKernels()
    {
        var document = NotebookFile.Load(Fixture.PathOf("dib/mixed-crlf.dib"));

        var text = DibFormat.Serialize(document);
        var again = DibFormat.Parse(text);

        text.ShouldNotContain("\r", Case.Sensitive);
        text.ShouldStartWith("#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[\"cs\"],\"name\":\"csharp\"}");
        again.Cells.Select(c => (NotebookKernels.GetCellKernelName(again, c), c.Source))
            .ShouldBe(document.Cells.Select(c => (NotebookKernels.GetCellKernelName(document, c), c.Source)));
        DibFormat.Serialize(again).ShouldBe(text);
    }

    [Fact]
    public void Parse_NoMeta_TextBeforeFirstSeparatorIsCSharpAndIndentedMagicStaysInMarkdown()
    {
        var document = DibFormat.Parse(Fixture.Text("dib/no-meta.dib"));

        document.Cells.Select(c => (c.CellType, c.Source)).ShouldBe(
        [
            ("code", "Console.WriteLine(\"before any separator\");"),
            ("markdown", "## Notes\n    #!csharp stays inside (indented)"),
        ]);
        DibFormat.Serialize(document).ShouldStartWith("#!csharp\n\nConsole.WriteLine");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n#!csharp\n\n\n#!fsharp\n")]
    public void Parse_NoContent_YieldsOneEmptyCell(string text)
    {
        var document = DibFormat.Parse(text);

        document.Cells.Count.ShouldBe(1);
        document.Cells[0].Source.ShouldBe(string.Empty);
    }

    [Fact]
    public void Save_DibAsIpynb_IsValidWithCSharpKernelspecAndKeepsCellKernels()
    {
        using var temp = Fixture.NewTempFolder();
        var document = NotebookFile.Load(Fixture.PathOf("dib/mixed-crlf.dib"));
        var path = temp.File("mixed.ipynb");

        NotebookFile.Save(document, path);
        var result = NbformatJudge.JudgeOne(path);
        var reloaded = NotebookFile.Load(path);

        result.Valid.ShouldBeTrue(result.Error);
        result.Canonical.ShouldBeTrue(result.Diff);
        reloaded.Metadata["kernelspec"]!["name"]!.GetValue<string>().ShouldBe(NotebookMetadata.KilnKernelspecName);
        reloaded.Metadata["language_info"]!["name"]!.GetValue<string>().ShouldBe("C#");
        NotebookKernels.GetDefaultKernelName(reloaded).ShouldBe(KernelNames.CSharp);
        DibFormat.Serialize(reloaded).ShouldBe(DibFormat.Serialize(document));
    }

    [Fact]
    public void Save_ToDibPath_WritesUtf8WithoutBom()
    {
        using var temp = Fixture.NewTempFolder();
        var path = temp.File("copy.dib");

        NotebookFile.Save(NotebookFile.Load(Fixture.PathOf("dib/canonical.dib")), path);

        File.ReadAllBytes(path).ShouldBe(File.ReadAllBytes(Fixture.PathOf("dib/canonical.dib")));
    }

    [Fact]
    public void Serialize_CellOfUndeclaredKernel_DeclaresItSoTheCellSurvives()
    {
        var document = NotebookFile.Load(Fixture.PathOf("noncanonical/nbformat44-no-ids.ipynb"));
        // .dib trims blank lines around each cell and drops empty cells.
        var codeCells = document.Cells.Where(c => c.IsCode && c.Source.Length > 0).Select(c => c.Source.Trim('\n')).ToList();

        var again = DibFormat.Parse(DibFormat.Serialize(document));

        again.Cells.Where(c => c.IsCode).Select(c => c.Source).ShouldBe(codeCells);
        again.Cells.Where(c => c.IsCode).ShouldAllBe(c => NotebookKernels.GetCellKernelName(again, c) == "python");
        document.Metadata.ContainsKey("polyglot_notebook").ShouldBeFalse();
    }
}
