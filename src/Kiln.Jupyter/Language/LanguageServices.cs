using System.Text;
using Kiln.Kernel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Recommendations;
using Microsoft.CodeAnalysis.Text;

namespace Kiln.Jupyter.Language;

/// <summary>Roslyn completions and symbol help for a cell, seeing the declarations and <c>using</c>s of the cells run before it.</summary>
/// <remarks>
/// Polyglot Notebooks: the <c>InteractiveWorkspace</c>. The cells run so far are joined into one script document
/// (their <c>using</c> directives first, then their code) followed by the cell being edited; analysis never runs code.
/// Assemblies that cells added with <c>#r</c> join the analysis references before the next request.
/// </remarks>
internal sealed partial class LanguageServices
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private readonly KernelOptions _options;
    private readonly Func<IReadOnlyList<string>> _referencedFiles;
    private readonly Lock _gate = new();
    private readonly StringBuilder _usings = new();
    private readonly StringBuilder _history = new();
    private Project? _project;
    private int _referencedFileCount;

    /// <summary>Creates the services for a kernel with <paramref name="options"/>.</summary>
    /// <param name="options">The kernel's default references and imports.</param>
    /// <param name="referencedFiles">The assembly files the kernel's cells added with <c>#r</c> so far (<see cref="CSharpKernel.ReferencedFiles"/>).</param>
    public LanguageServices(KernelOptions options, Func<IReadOnlyList<string>> referencedFiles)
    {
        _options = options;
        _referencedFiles = referencedFiles;
    }

    /// <summary>Adds a cell that ran, so later analysis sees what it declared.</summary>
    public void Record(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(CellText.WithoutMagics(code), ParseOptions);
        var root = (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)tree.GetRoot();
        lock (_gate)
        {
            foreach (var directive in root.Usings)
            {
                _usings.Append(directive.ToFullString().Trim()).Append('\n');
            }

            var bodyStart = root.Usings.Count > 0 ? root.Usings.Last().FullSpan.End : 0;
            _history.Append(tree.GetText().ToString(TextSpan.FromBounds(bodyStart, tree.Length))).Append("\n;\n");
        }
    }

    /// <summary>Returns the completions at <paramref name="cursor"/> (a UTF-16 index) in <paramref name="code"/>.</summary>
    /// <remarks>Symbols come from Roslyn's <c>Recommender</c> (members after a dot, else everything in scope), filtered by the typed prefix.</remarks>
    public async Task<CompletionAnswer> CompleteAsync(string code, int cursor, CancellationToken ct)
    {
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        var typed = code[start..cursor];
        var (document, offset) = CreateDocument(code);
        var symbols = await Recommender.GetRecommendedSymbolsAtPositionAsync(document, offset + start, cancellationToken: ct).ConfigureAwait(false);
        var items = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(g => new CompletionEntry(g.Key, KindOf(g.First())))
            .OrderBy(e => e.Text.StartsWith(typed, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(e => e.Text, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CompletionAnswer(start, cursor, items);
    }

    private (Document Document, int Offset) CreateDocument(string code)
    {
        string prefix;
        Project project;
        var files = _referencedFiles();
        lock (_gate)
        {
            project = _project ??= CreateProject();
            if (files.Count > _referencedFileCount)
            {
                project = _project = project.AddMetadataReferences(ReferenceSet.FromFiles(files.Skip(_referencedFileCount)));
                _referencedFileCount = files.Count;
            }

            prefix = ImportsText() + _usings + _history;
        }

        var document = project.AddDocument("cell.csx", SourceText.From(prefix + CellText.WithoutMagics(code)));
        return (document, prefix.Length);
    }

    private string ImportsText()
    {
        var text = new StringBuilder();
        foreach (var import in _options.Imports.Concat(_options.OnDemandLibraries.SelectMany(l => l.Imports)))
        {
            text.Append("using ").Append(import).Append(";\n");
        }

        return text.ToString();
    }

    private Project CreateProject()
    {
        var workspace = new AdhocWorkspace(MefHostServices.DefaultHost);
        var info = ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "KilnCells",
            "KilnCells",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true),
            parseOptions: ParseOptions,
            metadataReferences: ReferenceSet.Create(_options.References.Concat(_options.OnDemandLibraries.Select(l => l.Assembly))));
        return workspace.AddProject(info);
    }

    private static string KindOf(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol => "class",
        IMethodSymbol => "function",
        IPropertySymbol => "property",
        IFieldSymbol => "instance",
        ILocalSymbol or IParameterSymbol or IRangeVariableSymbol => "statement",
        INamespaceSymbol => "module",
        _ => "text",
    };
}

/// <summary>One completion: the text to insert and its Jupyter type name (<c>function</c>, <c>class</c>, …).</summary>
internal sealed record CompletionEntry(string Text, string Kind);

/// <summary>The completions for a cursor: the replaced span (UTF-16 indices in the cell) and the items.</summary>
internal sealed record CompletionAnswer(int Start, int End, IReadOnlyList<CompletionEntry> Items);
