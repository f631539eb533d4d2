using Kiln.Kernel.Execution;
using Microsoft.CodeAnalysis;

namespace Kiln.Kernel.Tests;

/// <summary>The submission chain: each reference given once, so what a cell binds does not grow with the cells before it;
/// a submission that is not continued leaves the chain where it was.</summary>
public sealed class SubmissionCompilerTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kiln-compiler-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Compile_ManyCellsThenAnAddedReference_GivesTheChainEachReferenceOnce()
    {
        var framework = ScriptReferences.Resolve(KernelOptions.DefaultReferences);
        var compiler = new SubmissionCompiler(framework, ["System"]);
        CompiledSubmission last = null!;
        for (var i = 0; i < 30; i++)
        {
            last = compiler.Compile($"var v{i} = {i};", $"cell{i}.cs", CancellationToken.None);
            compiler.Accept(last);
        }

        var library = TestLibraries.Emit(_directory, "AddedLater", "namespace AddedLater; public static class Answer { public static int Value => 42; }");
        compiler.Extend([MetadataReference.CreateFromFile(library)], ["AddedLater"]);
        for (var i = 30; i < 35; i++)
        {
            last = compiler.Compile($"var v{i} = Answer.Value + v0;", $"cell{i}.cs", CancellationToken.None);
            compiler.Accept(last);
        }

        var given = SubmissionCompiler.Chain(last.Compilation).SelectMany(c => c.ExternalReferences).ToList();
        given.Count.ShouldBe(framework.Count + 1);
        given.Distinct().Count().ShouldBe(given.Count);
        last.Image.ShouldNotBeNull();
    }

    [Fact]
    public void Compile_AfterASubmissionNotContinued_StartsTheChainWithAnAssemblyOfItsOwn()
    {
        var compiler = new SubmissionCompiler(ScriptReferences.Resolve(KernelOptions.DefaultReferences), ["System"]);
        var warmUp = compiler.Compile("var w = 1;", "warm-up.cs", CancellationToken.None, continued: false);

        var first = compiler.Compile("var a = 2;", "cell1.cs", CancellationToken.None);

        first.Compilation.ScriptCompilationInfo!.PreviousScriptCompilation.ShouldBeNull();
        first.Compilation.AssemblyName.ShouldNotBe(warmUp.Compilation.AssemblyName);
    }
}
