using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace Kiln.Kernel.Execution;

/// <summary>Compiles a kernel's cells as a chain of Roslyn script submissions, each one continuing the last one accepted.</summary>
/// <remarks>
/// Binding a new compilation's ~95 references was about 40% of a trivial cell's compile. So once a cell compiles, the
/// compiler prepares the next submission in the background: a compilation of an empty tree whose references are bound.
/// The next cell's tree replaces the empty one, and Roslyn keeps the bound references (it reuses a compilation's
/// reference manager when neither tree has <c>#r</c> or <c>#load</c>). A preparation serves only the chain, references
/// and imports it was made for (otherwise the cell compiles without it, just as correctly), and it is replaced once a
/// cell compiled from it may have been loaded; after a compile error it serves the next try.
/// Thread-safe.
/// </remarks>
internal sealed class SubmissionCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private readonly Lock _gate = new();
    private readonly string _assemblyPrefix = "kiln-cell-" + Guid.NewGuid().ToString("N") + "-";
    private ImmutableArray<MetadataReference> _references;
    private ImmutableArray<string> _imports;
    private CSharpCompilation? _previous;
    private CSharpCompilation? _preparedAfter;
    private Task<Preparation>? _next;
    private int _compilations;

    /// <summary>Creates a compiler for cells that reference <paramref name="references"/> and import <paramref name="imports"/>,
    /// and starts preparing the first submission.</summary>
    public SubmissionCompiler(IEnumerable<MetadataReference> references, IEnumerable<string> imports)
    {
        _references = [.. references];
        _imports = [.. imports];
        lock (_gate)
        {
            StartPreparing(_previous);
        }
    }

    /// <summary>Adds references and imports for the cells compiled from now on.</summary>
    public void Extend(IEnumerable<MetadataReference> references, IEnumerable<string> imports)
    {
        lock (_gate)
        {
            _references = _references.AddRange(references);
            _imports = [.. _imports.Union(imports, StringComparer.Ordinal)];
            StartPreparing(_previous);
        }
    }

    /// <summary>Compiles <paramref name="code"/> as the submission after the last one accepted, and emits it.</summary>
    /// <param name="code">The cell's C# code.</param>
    /// <param name="filePath">The name stack traces and diagnostics give the cell's code.</param>
    /// <param name="ct">Cancels the compile.</param>
    /// <param name="continued">False for a submission that will never be continued (a warm-up): the next submission is then
    /// prepared to follow the same one this one followed.</param>
    /// <returns>The compilation, and its assembly or null when the code declares nothing to run (only <c>using</c>s, say).</returns>
    /// <exception cref="CompilationErrorException">The code has errors.</exception>
    public CompiledSubmission Compile(string code, string filePath, CancellationToken ct, bool continued = true)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(code, Encoding.UTF8), ParseOptions, filePath, ct);
        Task<Preparation>? next;
        CSharpCompilation? previous;
        ImmutableArray<MetadataReference> references;
        ImmutableArray<string> imports;
        lock (_gate)
        {
            (next, previous, references, imports) = (_next, _previous, _references, _imports);
        }

        // A cell with errors leaves the preparation for the next try: its compilation is never loaded.
        var compilation = Prepared(next) is { } prepared && prepared.IsFor(previous, references, imports)
            ? prepared.Compilation.ReplaceSyntaxTree(prepared.Placeholder, tree)
            : Create(tree, previous, references, imports);
        var pe = new MemoryStream();
        var result = compilation.Emit(pe, cancellationToken: ct);
        if (!result.Success && result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new CompilationErrorException("The cell has compile errors.", result.Diagnostics);
        }

        lock (_gate)
        {
            StartPreparing(continued ? compilation : previous);
        }

        pe.Position = 0;
        return new CompiledSubmission(compilation, result.Success ? pe : null);
    }

    /// <summary>Makes <paramref name="submission"/>, which ran, the one the next cells continue.</summary>
    public void Accept(CompiledSubmission submission)
    {
        lock (_gate)
        {
            _previous = submission.Compilation;
        }
    }

    /// <summary>Forgets <paramref name="submission"/>, which was compiled but will not be continued (it was stopped).</summary>
    public void Discard(CompiledSubmission submission)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_preparedAfter, submission.Compilation))
            {
                StartPreparing(_previous);
            }
        }
    }

    /// <summary>Returns the submissions of the chain that ends with <paramref name="last"/>, the last one first.</summary>
    public static IEnumerable<Compilation> Chain(Compilation? last)
    {
        for (; last is not null; last = last.ScriptCompilationInfo?.PreviousScriptCompilation)
        {
            yield return last;
        }
    }

    /// <summary>Returns the number of submissions in the chain that ends with <paramref name="last"/>.</summary>
    public static int ChainLength(Compilation? last) => Chain(last).Count();

    /// <summary>Waits for a preparation; a failed one only costs the time it would have saved.</summary>
    private static Preparation? Prepared(Task<Preparation>? next)
    {
        try
        {
            return next?.GetAwaiter().GetResult(); // runs it on this thread when it has not started yet
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Starts preparing the submission after <paramref name="previous"/>, replacing any earlier preparation. Under the lock.</summary>
    private void StartPreparing(CSharpCompilation? previous)
    {
        var (references, imports) = (_references, _imports);
        _preparedAfter = previous;
        using (ExecutionContext.SuppressFlow()) // the cell's ambient state is not the preparation's
        {
            _next = Task.Run(() =>
            {
                var placeholder = CSharpSyntaxTree.ParseText(SourceText.From(string.Empty, Encoding.UTF8), ParseOptions);
                var compilation = Create(placeholder, previous, references, imports);
                _ = compilation.Assembly.GetTypeByMetadataName(typeof(object).FullName!); // binds the references
                _ = compilation.GlobalNamespace.GetMembers(); // merges their namespaces
                return new Preparation(compilation, placeholder, previous, references, imports);
            });
        }
    }

    /// <summary>Creates a submission compilation. Each gets an assembly name of its own (a stopped cell's assembly is loaded
    /// too, and its next try must not clash with it); its class is named after its place in the chain.</summary>
    private CSharpCompilation Create(SyntaxTree tree, CSharpCompilation? previous, ImmutableArray<MetadataReference> references, ImmutableArray<string> imports)
    {
        var number = Interlocked.Increment(ref _compilations);
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            scriptClassName: "Submission#" + ChainLength(previous).ToString(CultureInfo.InvariantCulture),
            usings: imports,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: true,
            concurrentBuild: false, // a cell's few methods compile faster on one thread, and the other core prepares the next cell
            sourceReferenceResolver: ScriptOptions.Default.SourceResolver,
            metadataReferenceResolver: ScriptOptions.Default.MetadataResolver,
            assemblyIdentityComparer: DesktopAssemblyIdentityComparer.Default);
        return CSharpCompilation.CreateScriptCompilation(
            _assemblyPrefix + number.ToString(CultureInfo.InvariantCulture), tree, NotInChain(references, previous), options, previous, typeof(object));
    }

    /// <summary>The references that no submission of the chain ending with <paramref name="previous"/> was given.</summary>
    /// <remarks>
    /// Roslyn gives a submission the references of the one before it, duplicates included. Passing every reference
    /// again made each submission's list ~95 entries longer than the last one's, so a cell's reference binding and the
    /// memory the chain holds grew with the number of cells (~400 MB after 600 cells).
    /// </remarks>
    private static IEnumerable<MetadataReference> NotInChain(ImmutableArray<MetadataReference> references, CSharpCompilation? previous)
    {
        var given = Chain(previous).SelectMany(c => c.ExternalReferences).ToHashSet();
        return references.Where(r => !given.Contains(r));
    }

    /// <summary>A compilation of an empty tree, made for the cell after <see cref="Previous"/> with these references and imports.</summary>
    private sealed record Preparation(
        CSharpCompilation Compilation,
        SyntaxTree Placeholder,
        CSharpCompilation? Previous,
        ImmutableArray<MetadataReference> References,
        ImmutableArray<string> Imports)
    {
        public bool IsFor(CSharpCompilation? previous, ImmutableArray<MetadataReference> references, ImmutableArray<string> imports) =>
            ReferenceEquals(previous, Previous) && references == References && imports == Imports;
    }
}

/// <summary>A cell compiled as a submission: its compilation, and its assembly's image (null when it has nothing to run).</summary>
internal sealed record CompiledSubmission(CSharpCompilation Compilation, MemoryStream? Image);
