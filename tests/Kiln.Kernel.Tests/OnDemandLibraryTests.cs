using System.Reflection;
using Kiln.Kernel.Execution;

namespace Kiln.Kernel.Tests;

/// <summary>A small library built by the test, standing in for Kiln.Serving as an on-demand library.</summary>
public sealed class GeometryLibrary : IDisposable
{
    private const string Source = """
        namespace Geometry
        {
            public sealed class Square(double side) { public double Area => side * side; }
            public static class Shapes { public static Square Create(double side) => new(side); }
        }
        namespace Geometry.Internal { public static class Hidden { public static int Value => 7; } }
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kiln-on-demand-");

    public GeometryLibrary()
    {
        var path = TestLibraries.Emit(_directory, "Kiln.Test.OnDemandGeometry", Source);
        Library = new OnDemandLibrary(Assembly.LoadFrom(path), ["Geometry"]);
    }

    public OnDemandLibrary Library { get; }

    public void Dispose() => _directory.Delete(recursive: true);
}

public sealed class OnDemandLibraryTests(GeometryLibrary geometry) : IClassFixture<GeometryLibrary>
{
    [Fact]
    public async Task Submit_CellNamingAPublicType_ReferencesTheLibraryAndImportsItsNamespaces()
    {
        await using var kernel = new CSharpKernel(new KernelOptions { OnDemandLibraries = [geometry.Library] });
        (await kernel.RunOkAsync("1 + 1")).ReturnText.ShouldBe("2");
        (await kernel.RunOkAsync("Shapes.Create(1.5).Area")).ReturnText.ShouldBe("2.25");
    }

    [Fact]
    public async Task Submit_CellNamingTheNamespace_ReferencesTheLibrary()
    {
        await using var kernel = new CSharpKernel(new KernelOptions { OnDemandLibraries = [geometry.Library] });
        (await kernel.RunOkAsync("Geometry.Internal.Hidden.Value")).ReturnText.ShouldBe("7");
    }

    [Fact]
    public async Task Submit_LaterCellUsingTheLibrarysTypesWithoutNamingThem_StillCompiles()
    {
        await using var kernel = new CSharpKernel(new KernelOptions { OnDemandLibraries = [geometry.Library] });
        await kernel.RunOkAsync("var shape = Shapes.Create(3);");
        (await kernel.RunOkAsync("shape.Area")).ReturnText.ShouldBe("9");
    }

    [Fact]
    public async Task Submit_WithoutOnDemandLibraries_CellNamingTheTypeFailsToCompile()
    {
        await using var kernel = new CSharpKernel();
        (await kernel.RunAsync("Shapes.Create(1.5).Area")).Error.ShouldNotBeNull().Diagnostics[0].Id.ShouldBe("CS0103");
    }

    [Theory]
    [InlineData("Shapes.Create(2)", true)]
    [InlineData("$\"{Shapes.Create(2).Area}\"", true)]
    [InlineData("using Geometry;", true)]
    [InlineData("Geometry.Internal.Hidden.Value", true)]
    [InlineData("1 + 1", false)]
    [InlineData("var shapes = 3; // Shapes", false)]
    [InlineData("var text = \"a Square\";", false)]
    [InlineData("Hidden.Value", false)]
    public void IsMentionedIn_Code_MatchesPublicTypesOfTheImportedNamespacesAndTheNamespacesThemselves(string code, bool mentioned)
    {
        new LibraryMention(geometry.Library).IsMentionedIn(code).ShouldBe(mentioned);
    }
}
