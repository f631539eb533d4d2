using System.IO.Compression;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.Kernel.Tests.Packages;

[Trait("Category", "NuGet")]
public sealed class NuGetReferenceTests : IDisposable
{
    private const string PackageId = "Kiln.Test.Greeter";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("kiln-nuget-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task NuGetReference_FromLocalFolderFeed_RestoresReferencesCachesAndRefusesOtherVersion()
    {
        var feed = BuildFolderFeed();
        var options = Options();
        await using (var kernel = new CSharpKernel(options))
        {
            var restored = await kernel.RunOkAsync(
                $"#i \"nuget: {feed}\"\n#r \"nuget: {PackageId}, 1.2.3\"\nKilnTestGreeter.Greeter.Hello(\"Kiln\")");
            restored.ReturnText.ShouldBe("Hello, Kiln!");
            restored.Stdout.ShouldBe($"Installed packages: {PackageId} 1.2.3\n");
            kernel.LoadedPackages[PackageId].ShouldBe("1.2.3");

            (await kernel.RunOkAsync($"#r \"nuget: {PackageId}, 1.2.3\"\n1")).Stdout.ShouldBeEmpty();

            var conflict = await kernel.RunAsync($"#r \"nuget: {PackageId}, 2.0.0\"");
            var error = conflict.Error.ShouldNotBeNull();
            error.Name.ShouldBe("PackageVersionConflict");
            error.Value.ShouldContain($"'{PackageId}' version 2.0.0 cannot be added because version 1.2.3 was added previously");
        }

        Directory.GetFiles(Path.Combine(_root.FullName, "cache"), "restore-result.json", SearchOption.AllDirectories).ShouldHaveSingleItem();
        await using (var second = new CSharpKernel(options))
        {
            var cached = await second.RunOkAsync($"#i \"nuget: {feed}\"\n#r \"nuget: {PackageId}, 1.2.3\"\nusing KilnTestGreeter;\nGreeter.Hello(\"again\")");
            cached.ReturnText.ShouldBe("Hello, again!");
        }
    }

    [Fact]
    public async Task NuGetReference_UnknownPackage_FailsNamingThePackage()
    {
        var feed = BuildFolderFeed();
        await using var kernel = new CSharpKernel(Options());
        var result = await kernel.RunAsync($"#i \"nuget: {feed}\"\n#r \"nuget: Kiln.Test.Missing, 1.0.0\"\nConsole.WriteLine(\"not run\");");
        result.Status.ShouldBe(SubmissionStatus.Failed);
        result.Stdout.ShouldBeEmpty();
        var error = result.Error.ShouldNotBeNull();
        error.Name.ShouldBe("PackageRestoreError");
        error.Value.ShouldContain("Kiln.Test.Missing");
    }

    private KernelOptions Options() => new()
    {
        CacheDirectory = Path.Combine(_root.FullName, "cache"),
        NuGetPackagesDirectory = Path.Combine(_root.FullName, "packages"),
        IsolateNuGetSources = true,
    };

    /// <summary>Compiles a one-class library and packs it as a .nupkg (a nuspec plus lib/net10.0) in a folder feed.</summary>
    private string BuildFolderFeed()
    {
        var feed = Path.Combine(_root.FullName, "feed");
        if (Directory.Exists(feed))
        {
            return feed;
        }

        Directory.CreateDirectory(feed);
        var source = "namespace KilnTestGreeter { public static class Greeter { public static string Hello(string name) => $\"Hello, {name}!\"; } }";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            PackageId,
            [CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current.CancellationToken)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var assembly = new MemoryStream();
        compilation.Emit(assembly, cancellationToken: TestContext.Current.CancellationToken).Success.ShouldBeTrue();

        using var package = ZipFile.Open(Path.Combine(feed, $"{PackageId.ToLowerInvariant()}.1.2.3.nupkg"), ZipArchiveMode.Create);
        using (var nuspec = new StreamWriter(package.CreateEntry($"{PackageId}.nuspec").Open()))
        {
            nuspec.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{PackageId}</id>
                    <version>1.2.3</version>
                    <authors>Kiln tests</authors>
                    <description>A package built by the Kiln kernel tests.</description>
                    <dependencies><group targetFramework="net10.0" /></dependencies>
                  </metadata>
                </package>
                """);
        }

        using (var dll = package.CreateEntry($"lib/net10.0/{PackageId}.dll").Open())
        {
            assembly.Position = 0;
            assembly.CopyTo(dll);
        }

        return feed;
    }
}
