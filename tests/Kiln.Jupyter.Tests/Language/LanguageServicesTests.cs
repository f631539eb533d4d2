using Kiln.Jupyter.Language;
using Kiln.Kernel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.Jupyter.Tests.Language;

/// <summary>Completions over what the cells referenced, as a Jupyter front end asks for them while the kernel runs.</summary>
public sealed class LanguageServicesTests
{
    [Fact]
    public async Task CompleteAsync_AfterHashRReference_OffersTheAssemblysTypesAndMembers()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-complete-");
        try
        {
            var path = EmitLibrary(directory.FullName, "namespace Geometry { public static class Shapes { public static double Square(double side) => side * side; } }");
            var options = new KernelOptions();
            await using var kernel = new CSharpKernel(options);
            var language = new LanguageServices(options, () => kernel.ReferencedFiles);

            (await CompletionsAsync(language, "Geometry.Sha")).ShouldNotContain("Shapes");

            var result = await kernel.SubmitAsync($"#r \"{path}\"", _ => { }, TestContext.Current.CancellationToken);
            result.Status.ShouldBe(SubmissionStatus.Succeeded);
            kernel.ReferencedFiles.ShouldBe([path]);
            language.Record($"#r \"{path}\"");

            (await CompletionsAsync(language, "Geometry.Sha")).ShouldContain("Shapes");
            (await CompletionsAsync(language, "Geometry.Shapes.Squ")).ShouldContain("Square");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<IReadOnlyList<string>> CompletionsAsync(LanguageServices language, string code)
    {
        var answer = await language.CompleteAsync(code, code.Length, TestContext.Current.CancellationToken);
        return [.. answer.Items.Select(i => i.Text)];
    }

    private static string EmitLibrary(string directory, string source)
    {
        var compilation = CSharpCompilation.Create(
            "Kiln.Test.Geometry",
            [CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current.CancellationToken)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(directory, "Kiln.Test.Geometry.dll");
        compilation.Emit(path, cancellationToken: TestContext.Current.CancellationToken).Success.ShouldBeTrue();
        return path;
    }
}
