using Kiln.Display;
using Kiln.Kernel.Magics;

namespace Kiln.Kernel.Tests;

public class CSharpKernelMagicTests
{
    [Fact]
    public async Task CSharpMagic_OnFirstLine_IsIgnored()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("#!csharp\n1 + 1");
        result.ReturnText.ShouldBe("2");
    }

    [Fact]
    public async Task Time_Magic_AppendsWallTimeAfterOutputs()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("#!time\nConsole.WriteLine(\"work\");");
        result.Stdout.ShouldBe("work\n");
        var text = result.Displays.ShouldHaveSingleItem().Bundle.GetText(MimeTypes.PlainText)!;
        text.ShouldMatch(@"^Wall time: \d+(\.\d+)? ms$");
    }

    [Fact]
    public async Task LsMagic_ListsEveryMagic()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("#!lsmagic");
        var bundle = result.Displays.ShouldHaveSingleItem().Bundle;
        foreach (var magic in new[] { "#!csharp", "#r", "#i", "#!time", "#!lsmagic", "#!who", "#!whos", "#!about" })
        {
            bundle.GetText(MimeTypes.PlainText)!.ShouldContain(magic);
            bundle.GetText(MimeTypes.Html)!.ShouldContain(magic);
        }
    }

    [Fact]
    public async Task Who_AfterCells_ListsVariableNames()
    {
        await using var kernel = new CSharpKernel();
        (await kernel.RunOkAsync("#!who")).Displays[0].Bundle.GetText(MimeTypes.PlainText).ShouldBe("No variables defined.");
        await kernel.RunOkAsync("var alpha = 1; var beta = \"b\";");
        var result = await kernel.RunOkAsync("#!who");
        result.Displays[0].Bundle.GetText(MimeTypes.PlainText).ShouldBe("alpha  beta");
    }

    [Fact]
    public async Task Whos_AfterCells_ListsNameTypeAndValue()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("var alpha = 1; var items = new List<string> { \"x\" };");
        var bundle = (await kernel.RunOkAsync("#!whos")).Displays[0].Bundle;
        bundle.GetText(MimeTypes.PlainText).ShouldBe(
            "Name   Type          Value\n" +
            "alpha  int           1\n" +
            "items  List<string>  [ x ]");
        bundle.GetText(MimeTypes.Html)!.ShouldContain("<td>List&lt;string&gt;</td>");
    }

    [Fact]
    public async Task About_ShowsKilnAndDotNetVersions()
    {
        await using var kernel = new CSharpKernel();
        var text = (await kernel.RunOkAsync("#!about")).Displays[0].Bundle.GetText(MimeTypes.PlainText)!;
        text.ShouldStartWith("Kiln ");
        text.ShouldContain(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }

    [Theory]
    [InlineData("#!time")]
    [InlineData("#!lsmagic")]
    [InlineData("#!who")]
    [InlineData("#!whos")]
    [InlineData("#!about")]
    [InlineData("#!csharp")]
    [InlineData("#r")]
    [InlineData("#i")]
    public async Task Magic_WithHelpFlag_PrintsUsageAndDoesNothingElse(string magic)
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync(magic + " -h");
        result.Stdout.ShouldStartWith(magic + ": ");
        result.Stdout.ShouldContain("Usage:");
        result.Displays.ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownMagic_FailsNamingItAndListingKnownMagics()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunAsync("#!fsharp\nConsole.WriteLine(\"not run\");");
        result.Status.ShouldBe(SubmissionStatus.Failed);
        result.Stdout.ShouldBeEmpty();
        var error = result.Error.ShouldNotBeNull();
        error.Name.ShouldBe("UnknownMagicCommand");
        error.Value.ShouldContain("'#!fsharp'");
        error.Value.ShouldContain(string.Join(", ", MagicCatalog.All.Select(m => m.Name)));
    }

    [Fact]
    public async Task ReferenceMagic_MissingFile_FailsNamingThePath()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunAsync("#r \"does/not/exist.dll\"");
        var error = result.Error.ShouldNotBeNull();
        error.Name.ShouldBe("ReferenceNotFound");
        error.Value.ShouldContain(Path.GetFullPath("does/not/exist.dll"));
    }

    [Fact]
    public async Task ReferenceMagic_FrameworkAssemblyName_IsResolvedFromTheRuntime()
    {
        await using var kernel = new CSharpKernel();
        (await kernel.RunAsync("typeof(System.Formats.Tar.TarEntryType).Name")).Error.ShouldNotBeNull().Diagnostics[0].Id.ShouldBe("CS0234");
        var result = await kernel.RunOkAsync("#r \"System.Formats.Tar\"\ntypeof(System.Formats.Tar.TarEntryType).Name");
        result.ReturnText.ShouldBe("TarEntryType");
    }

    [Fact]
    public async Task ReferenceMagic_UnquotedArgument_IsAUsageError()
    {
        await using var kernel = new CSharpKernel();
        (await kernel.RunAsync("#r nuget:Foo")).Error.ShouldNotBeNull().Name.ShouldBe("MagicUsageError");
    }

    [Fact]
    public async Task ReferenceMagic_RelativeDllBuiltByTest_IsUsableInLaterCells()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-ref-");
        try
        {
            var path = TestLibraries.Emit(directory, "Kiln.Test.Geometry",
                "namespace Geometry { public static class Shapes { public static double Square(double side) => side * side; } }");
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

            await using var kernel = new CSharpKernel();
            await kernel.RunOkAsync($"#r \"{relative}\"\nusing Geometry;");
            var result = await kernel.RunOkAsync("Shapes.Square(1.5)");
            result.ReturnText.ShouldBe("2.25");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReferenceMagic_DllWhoseDependencyIsNextToIt_LoadsTheDependencyWhenACellNeedsIt()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-ref-");
        try
        {
            var units = TestLibraries.Emit(directory, "Kiln.Test.Units", "namespace Units { public static class Scale { public static double Factor => 3; } }");
            TestLibraries.Emit(directory, "Kiln.Test.Shapes",
                "namespace Shapes { public static class Area { public static double Scaled(double x) => x * Units.Scale.Factor; } }", units);

            await using var kernel = new CSharpKernel();
            await kernel.RunOkAsync($"#r \"{Path.Combine(directory.FullName, "Kiln.Test.Shapes.dll")}\"");
            (await kernel.RunOkAsync("Shapes.Area.Scaled(2)")).ReturnText.ShouldBe("6");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
