using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Kiln.Kernel.Execution;

/// <summary>Writes stack traces whose frames in cells carry their file and line, for submissions compiled without symbols.</summary>
/// <remarks>
/// Emitting a portable PDB with every cell cost about a tenth of a trivial cell's CPU, for line numbers that only
/// an exception ever reads. Cells are compiled without one, and a submission's PDB is emitted from its compilation when a
/// stack frame first needs it. Roslyn emits the same IL with and without symbols, so a frame's IL offset maps onto the PDB
/// emitted later exactly as onto one loaded with the cell. The frames come from <see cref="StackTrace"/>, which keeps
/// the IL offsets of frames before an <c>await</c> too. One instance per kernel.
/// </remarks>
internal sealed class SubmissionSymbols : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Compilation> _compilations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MetadataReaderProvider?> _pdbs = new(StringComparer.Ordinal);

    /// <summary>Remembers the compilation of a submission that was loaded, by its assembly name.</summary>
    public void Register(Compilation compilation)
    {
        lock (_gate)
        {
            _compilations[compilation.AssemblyName ?? string.Empty] = compilation;
        }
    }

    /// <summary>Returns the stack trace of <paramref name="exception"/> as the runtime writes it, with file and line for frames in cells.</summary>
    /// <remarks>Frames the runtime hides (<see cref="StackTraceHiddenAttribute"/>) are left out, as in <see cref="Exception.StackTrace"/>.</remarks>
    public string StackTraceOf(Exception exception)
    {
        var text = new StringBuilder();
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod() is not { } method || IsHidden(method))
            {
                continue;
            }

            // One frame as the runtime writes it: "   at Method(...)", then " in file:line n" when it has symbols, then a
            // "--- End of stack trace from previous location ---" line after the last frame before an await.
            var lines = new StackTrace(frame).ToString().TrimEnd().Split('\n');
            text.Append(StateMachineOwner(method) is { } owner ? "   at " + Describe(owner) : lines[0].TrimEnd());
            if (frame.GetFileName() is null && Locate(frame, method) is { } location)
            {
                text.Append(location);
            }

            foreach (var line in lines.Skip(1))
            {
                text.Append('\n').Append(line.TrimEnd());
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Releases the PDBs emitted so far.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var pdb in _pdbs.Values)
            {
                pdb?.Dispose();
            }

            _pdbs.Clear();
            _compilations.Clear();
        }
    }

    /// <summary>Returns the cell method whose async or iterator state machine <paramref name="method"/> is the <c>MoveNext</c> of, or null.</summary>
    /// <remarks>The runtime names such frames after their method only for state machines marked compiler-generated, which
    /// Roslyn's submissions are not: without this, <c>async Task Fail()</c> in a cell showed as <c>&lt;Fail&gt;d__1.MoveNext()</c>.</remarks>
    private MethodInfo? StateMachineOwner(MethodBase method)
    {
        if (method.Name != nameof(System.Runtime.CompilerServices.IAsyncStateMachine.MoveNext)
            || method.DeclaringType is not { DeclaringType: { } owner } stateMachine
            || !IsSubmission(method.Module.Assembly))
        {
            return null;
        }

        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic
            | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        return owner.GetMethods(Declared).FirstOrDefault(m =>
            m.GetCustomAttributes(typeof(System.Runtime.CompilerServices.StateMachineAttribute), inherit: false)
                .Cast<System.Runtime.CompilerServices.StateMachineAttribute>()
                .Any(a => a.StateMachineType == stateMachine));
    }

    /// <summary>Writes a method as the runtime does in stack traces: <c>Type.Method(ParameterType name, ...)</c>.</summary>
    private static string Describe(MethodInfo method) =>
        $"{method.DeclaringType?.FullName?.Replace('+', '.')}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"))})";

    private bool IsSubmission(Assembly assembly)
    {
        lock (_gate)
        {
            return assembly.GetName().Name is { } name && _compilations.ContainsKey(name);
        }
    }

    private static bool IsHidden(MethodBase method) =>
        method.IsDefined(typeof(StackTraceHiddenAttribute), inherit: false)
        || (method.DeclaringType?.IsDefined(typeof(StackTraceHiddenAttribute), inherit: false) ?? false);

    /// <summary>Returns <c> in FILE:line N</c> for a frame in a registered submission, or null for any other frame.</summary>
    private string? Locate(StackFrame frame, MethodBase method)
    {
        var offset = frame.GetILOffset();
        if (offset == StackFrame.OFFSET_UNKNOWN || method.Module.Assembly.GetName().Name is not { } assembly)
        {
            return null;
        }

        lock (_gate)
        {
            if (Pdb(assembly) is not { } pdb)
            {
                return null;
            }

            var row = MetadataTokens.GetRowNumber(MetadataTokens.EntityHandle(method.MetadataToken));
            var points = pdb.GetMethodDebugInformation(MetadataTokens.MethodDebugInformationHandle(row)).GetSequencePoints();
            SequencePoint? last = null;
            foreach (var point in points)
            {
                if (point.Offset > offset)
                {
                    break;
                }

                if (!point.IsHidden)
                {
                    last = point;
                }
            }

            return last is { } found ? $" in {pdb.GetString(pdb.GetDocument(found.Document).Name)}:line {found.StartLine}" : null;
        }
    }

    /// <summary>Returns the PDB of a registered submission, emitting it on first use; null for an assembly that is not one.</summary>
    private MetadataReader? Pdb(string assembly)
    {
        if (!_pdbs.TryGetValue(assembly, out var provider))
        {
            provider = _compilations.TryGetValue(assembly, out var compilation) ? EmitPdb(compilation) : null;
            _pdbs[assembly] = provider;
        }

        return provider?.GetMetadataReader();
    }

    private static MetadataReaderProvider? EmitPdb(Compilation compilation)
    {
        using var pe = new MemoryStream();
        var pdb = new MemoryStream();
        var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
        {
            pdb.Dispose();
            return null;
        }

        pdb.Position = 0;
        return MetadataReaderProvider.FromPortablePdbStream(pdb);
    }
}
