using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.Kernel.Execution;

/// <summary>Recognizes cells that name an <see cref="OnDemandLibrary"/>: its namespaces, or its public types in them.</summary>
/// <remarks>The type names are read from the library's metadata, so recognizing a cell loads none of its dependencies.</remarks>
internal sealed class LibraryMention
{
    private static readonly CSharpParseOptions ScriptParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private readonly HashSet<string> _typeNames;

    /// <exception cref="NotSupportedException">The library's assembly has no file (dynamic, or loaded from bytes).</exception>
    public LibraryMention(OnDemandLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        File = ScriptReferences.FileOf(library.Assembly);
        _typeNames = PublicTypeNames(File, library.Imports);
    }

    /// <summary>The library this recognizes.</summary>
    public OnDemandLibrary Library { get; }

    /// <summary>The library's assembly file, to reference.</summary>
    public string File { get; }

    /// <summary>Returns whether <paramref name="code"/> mentions one of the library's namespaces or public types.</summary>
    public bool IsMentionedIn(string code)
    {
        if (Library.Imports.Any(ns => code.Contains(ns, StringComparison.Ordinal)))
        {
            return true;
        }

        // Most cells contain none of the names at all; only those that do are parsed to tell identifiers from text.
        if (!_typeNames.Any(name => code.Contains(name, StringComparison.Ordinal)))
        {
            return false;
        }

        var root = CSharpSyntaxTree.ParseText(code, ScriptParseOptions).GetRoot();
        return root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && _typeNames.Contains(t.ValueText));
    }

    private static HashSet<string> PublicTypeNames(string path, IReadOnlyList<string> namespaces)
    {
        using var stream = System.IO.File.OpenRead(path);
        using var image = new PEReader(stream);
        var metadata = image.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public
                && namespaces.Contains(metadata.GetString(type.Namespace)))
            {
                var name = metadata.GetString(type.Name);
                var tick = name.IndexOf('`', StringComparison.Ordinal);
                names.Add(tick < 0 ? name : name[..tick]);
            }
        }

        return names;
    }
}
