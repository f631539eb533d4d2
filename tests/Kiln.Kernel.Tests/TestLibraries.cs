using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.Kernel.Tests;

/// <summary>Builds the small libraries that tests reference from cells.</summary>
internal static class TestLibraries
{
    /// <summary>Compiles <paramref name="source"/> into <c>NAME.dll</c> in <paramref name="directory"/>, and returns its path.</summary>
    /// <param name="references">DLLs the library uses, besides the core library.</param>
    public static string Emit(DirectoryInfo directory, string name, string source, params string[] references)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), .. references.Select(r => MetadataReference.CreateFromFile(r))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(directory.FullName, name + ".dll");
        var emitted = compilation.Emit(path);
        emitted.Success.ShouldBeTrue(string.Join('\n', emitted.Diagnostics));
        return path;
    }
}
