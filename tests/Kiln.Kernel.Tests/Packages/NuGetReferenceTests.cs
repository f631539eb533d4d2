using System.Diagnostics;

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
            // The #r lines sit below code: they are hoisted and restored before the cell compiles.
            var cached = await second.RunOkAsync($"using KilnTestGreeter;\n#i \"nuget: {feed}\"\n#r \"nuget: {PackageId}, 1.2.3\"\nGreeter.Hello(\"again\")");
            cached.ReturnText.ShouldBe("Hello, again!");
        }
    }

    [Fact]
    public async Task NuGetReference_UnknownPackage_FailsNamingThePackage()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_root.FullName, "empty-feed")).FullName;
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

    /// <summary>Packs a one-class library with <c>dotnet pack</c> into a folder feed (once per test).</summary>
    private string BuildFolderFeed()
    {
        var feed = Path.Combine(_root.FullName, "feed");
        var project = Path.Combine(_root.FullName, "greeter");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Greeter.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PackageId>{PackageId}</PackageId>
                <Version>1.2.3</Version>
                <Authors>Kiln tests</Authors>
                <ImplicitUsings>disable</ImplicitUsings>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(
            Path.Combine(project, "Greeter.cs"),
            "namespace KilnTestGreeter { public static class Greeter { public static string Hello(string name) => $\"Hello, {name}!\"; } }");
        File.WriteAllText(Path.Combine(project, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "pack", "-c", "Release", "-o", feed, "-nologo", "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryPackagesProps=false" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the wrong MSBuild.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NUGET_PACKAGES"] = Path.Combine(_root.FullName, "packages");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"dotnet pack failed:\n{output.Result}\n{error.Result}");
        File.Exists(Path.Combine(feed, $"{PackageId}.1.2.3.nupkg")).ShouldBeTrue();
        return feed;
    }
}
