using Kiln.Display;
using Kiln.Kernel.Events;
using Kiln.Kernel.Formatting;
using Kiln.Kernel.Execution;
using Kiln.Kernel.Magics;
using Kiln.Kernel.Packages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.Kernel;

/// <summary>A C# notebook kernel on Roslyn scripting: runs cells one after another, keeping their state, and reports events.</summary>
/// <remarks>
/// Polyglot Notebooks: <c>Microsoft.DotNet.Interactive.CSharp.CSharpKernel</c>. Each cell is a Roslyn script submission
/// that continues the previous one, so variables, methods, types and <c>using</c>s carry over. Submissions are queued:
/// one runs at a time. The kernel never throws for user code: compile errors, exceptions, bad magics and cancellation
/// become an <see cref="ErrorProduced"/> event and a non-success status.
/// While a kernel is alive, <see cref="Console.Out"/> and <see cref="Console.Error"/> are routed per submission.
/// </remarks>
public sealed partial class CSharpKernel : IAsyncDisposable
{
    private static readonly CSharpParseOptions ScriptParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private readonly KernelOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly NuGetRestorer _restorer;
    private readonly Dictionary<string, string> _loadedPackages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _packageSources = [];
    private readonly List<LibraryMention> _unreferencedLibraries;
    private readonly SubmissionSymbols _symbols = new();
    private readonly SubmissionCompiler _compiler;
    private readonly SubmissionLoadContext _loadContext = new();
    private readonly SubmissionStates _states = new();
    private string[] _referencedFiles = [];
    private AbortableCellThread? _cellThread;
    private int _executionCount;
    private bool _disposed;

    /// <summary>Creates a kernel with <paramref name="options"/>, or the defaults when null.</summary>
    public CSharpKernel(KernelOptions? options = null)
    {
        _options = options ?? new KernelOptions();
        _restorer = new NuGetRestorer(_options);
        _compiler = new SubmissionCompiler(ScriptReferences.Resolve(_options.References), _options.Imports.Select(ScriptImport));
        _unreferencedLibraries = [.. _options.OnDemandLibraries.Select(l => new LibraryMention(l))];
        ConsoleCapture.Acquire();
    }

    /// <summary>The options the kernel was created with.</summary>
    public KernelOptions Options => _options;

    /// <summary>The execution count of the last submission (0 before the first).</summary>
    public int ExecutionCount => Volatile.Read(ref _executionCount);

    /// <summary>The NuGet packages loaded so far with <c>#r "nuget:"</c>, by id, with their resolved versions.</summary>
    public IReadOnlyDictionary<string, string> LoadedPackages
    {
        get
        {
            lock (_loadedPackages)
            {
                return new Dictionary<string, string>(_loadedPackages, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>The assembly files that <c>#r</c> and <c>#r "nuget:"</c> added to the cells, in the order they were added.</summary>
    /// <remarks>Safe to read while a cell runs: each change replaces the list.</remarks>
    public IReadOnlyList<string> ReferencedFiles => Volatile.Read(ref _referencedFiles);

    /// <summary>Returns whether <paramref name="code"/> is a complete submission (no unclosed braces, strings or statements).</summary>
    /// <remarks>Jupyter: <c>is_complete_request</c>. Magic lines are ignored.</remarks>
    public static bool IsCompleteSubmission(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var parsed = MagicParser.Parse(code);
        return SyntaxFactory.IsCompleteSubmission(CSharpSyntaxTree.ParseText(parsed.Code, ScriptParseOptions));
    }

    /// <summary>Returns the variables defined by the cells run so far (the latest declaration of each name), in declaration order.</summary>
    public IReadOnlyList<KernelVariable> GetVariables()
    {
        var latest = new Dictionary<string, KernelVariable>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (name, type, value) in _states.Variables())
        {
            if (!latest.ContainsKey(name))
            {
                order.Add(name);
            }

            latest[name] = new KernelVariable(name, type, value);
        }

        return [.. order.Select(name => latest[name])];
    }

    /// <summary>Compiles and runs a throw-away cell so that the first real cell does not pay for JIT-compiling Roslyn.</summary>
    /// <remarks>Does not change the kernel's state or execution count.</remarks>
    public async Task WarmUpAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Touches what most first cells use: collections and LINQ, string interpolation, the console, and the formatter
        // (writing an empty string prints nothing), so those references and code paths are loaded before the first cell.
        const string WarmUpCode = """
            var kilnWarmUp = new List<int> { 1 }.Select(i => i + 1).ToList();
            Console.Out.Write(string.Empty);
            $"{kilnWarmUp.Count}"
            """;
        // The kernel's first cell continues no submission, so the warm-up is not continued.
        var submission = await Task.Run(() => _compiler.Compile(WarmUpCode, "kiln-warm-up", ct, continued: false), ct).ConfigureAwait(false);
        var outcome = await Task.Run(Load(submission, new SubmissionStates()), ct).ConfigureAwait(false);
        Formatter.Format(outcome.Value);
        Formatter.Format(new[] { 1, 2 });
    }

    /// <summary>Runs one cell: applies its magics, compiles and runs its C# code, and reports what it produces.</summary>
    /// <param name="code">The cell's text, possibly starting with magic lines.</param>
    /// <param name="onEvent">Receives the submission's events, one at a time and in order, possibly from other threads.</param>
    /// <param name="ct">Cancels the cell: its <c>KernelContext.CancellationToken</c> fires, and with
    /// <see cref="KernelOptions.HardStopOnCancel"/> a cell that ignores it is aborted.</param>
    /// <returns>The status, execution count and duration; the task does not fail for errors in user code.</returns>
    public async Task<SubmissionResult> SubmitAsync(string code, Action<KernelEvent> onEvent, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(onEvent);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var count = Interlocked.Increment(ref _executionCount);
            var started = _options.TimeProvider.GetTimestamp();
            var context = new SubmissionContext(onEvent, count, ct);
            SubmissionStatus status;
            try
            {
                status = await ExecuteAsync(code, context, ct).ConfigureAwait(false);
            }
            finally
            {
                context.Complete();
            }

            return new SubmissionResult(status, count, _options.TimeProvider.GetElapsedTime(started));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The thread that runs hard-stoppable cells, started with the first one and replaced after a cell was stopped.</summary>
    private AbortableCellThread CellThread => _cellThread is { IsRetired: false } current ? current : _cellThread = new AbortableCellThread();

    /// <summary>Stops routing the console to this kernel; the original console is restored when the last kernel is disposed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _cellThread?.Dispose();
                _symbols.Dispose();
                ConsoleCapture.Release();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SubmissionStatus> ExecuteAsync(string code, SubmissionContext context, CancellationToken ct)
    {
        var cell = MagicParser.Parse(code);
        var magics = await ApplyMagicsAsync(cell, context, ct).ConfigureAwait(false);
        if (magics is null)
        {
            return ct.IsCancellationRequested ? SubmissionStatus.Cancelled : SubmissionStatus.Failed;
        }

        if (ct.IsCancellationRequested)
        {
            ErrorReporter.PublishCancelled(context, hardStopped: false);
            return SubmissionStatus.Cancelled;
        }

        if (cell.HasCode)
        {
            ReferenceMentionedLibraries(cell.Code);
        }

        var started = _options.TimeProvider.GetTimestamp();
        var status = cell.HasCode ? await RunCodeAsync(cell.Code, context, ct).ConfigureAwait(false) : SubmissionStatus.Succeeded;
        if (magics.Time)
        {
            var elapsed = _options.TimeProvider.GetElapsedTime(started);
            context.DisplayChannel.ShowBundle(MimeBundle.FromText(
                $"Wall time: {elapsed.TotalMilliseconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} ms"));
        }

        return status;
    }

    /// <summary>References the on-demand libraries that <paramref name="code"/> names, and imports their namespaces, for this cell and the rest.</summary>
    private void ReferenceMentionedLibraries(string code)
    {
        foreach (var mention in _unreferencedLibraries.Where(m => m.IsMentionedIn(code)).ToList())
        {
            AddCellReferences([mention.File], mention.Library.Imports);
            _unreferencedLibraries.Remove(mention);
        }
    }

    /// <summary>Makes the cells compiled from now on reference <paramref name="files"/> and import <paramref name="imports"/>,
    /// and the files loadable when those cells run.</summary>
    private void AddCellReferences(IReadOnlyCollection<string> files, IEnumerable<string> imports)
    {
        _compiler.Extend(files.Select(file => MetadataReference.CreateFromFile(file)), imports.Select(ScriptImport));
        _loadContext.AddReferencedFiles(files);
    }

    /// <summary>Returns the name Roslyn expects for an import: a <c>static </c> prefix (a type's static members) is dropped.</summary>
    private static string ScriptImport(string import) =>
        import.StartsWith("static ", StringComparison.Ordinal) ? import["static ".Length..].Trim() : import;
}
