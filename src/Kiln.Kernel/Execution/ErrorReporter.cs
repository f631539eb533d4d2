using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Kiln.Kernel.Events;
using Microsoft.CodeAnalysis;

namespace Kiln.Kernel.Execution;

/// <summary>Turns compile errors, exceptions and cancellations into readable <see cref="ErrorProduced"/> events.</summary>
internal static partial class ErrorReporter
{
    /// <summary>The error name of a cell that did not compile.</summary>
    public const string CompilationErrorName = "CompilationError";

    private const string CellFilePrefix = "kiln-cell-";

    private static readonly string[] HiddenFramePrefixes =
    [
        "Microsoft.CodeAnalysis.",
        "System.Runtime.CompilerServices.",
        "System.Runtime.ExceptionServices.",
        "System.Runtime.ControlledExecution.",
        "System.Threading.ExecutionContext.",
        "System.Threading.Tasks.",
        "System.Threading.Thread.",
        "System.Threading.ThreadPoolWorkQueue.",
        "System.Threading.PortableThreadPool.",
        "Kiln.Kernel.",
    ];

    /// <summary>Returns the file name given to the code of submission <paramref name="executionCount"/>, which stack frames mention.</summary>
    public static string CellFileName(int executionCount) => CellFilePrefix + executionCount.ToString(CultureInfo.InvariantCulture);

    /// <summary>Publishes the errors among <paramref name="diagnostics"/> with cell-relative, 1-based positions.</summary>
    public static void PublishCompilationError(SubmissionContext context, ImmutableArray<Diagnostic> diagnostics)
    {
        var cellDiagnostics = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(ToCellDiagnostic)
            .ToList();
        var lines = cellDiagnostics.Select(d => d.ToString()).ToList();
        context.Publish(new ErrorProduced(CompilationErrorName, string.Join('\n', lines), lines, cellDiagnostics)
        {
            ExecutionCount = context.ExecutionCount,
        });
    }

    /// <summary>Publishes a runtime exception with its type as name and a traceback of user frames only.</summary>
    /// <param name="context">The submission.</param>
    /// <param name="exception">What the cell threw.</param>
    /// <param name="symbols">Gives the frames in cells their lines.</param>
    public static void PublishException(SubmissionContext context, Exception exception, SubmissionSymbols symbols)
    {
        var traceback = new List<string>();
        var first = true;
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            traceback.Add((first ? string.Empty : " ---> ") + current.GetType().FullName + ": " + current.Message);
            traceback.AddRange(UserFrames(symbols.StackTraceOf(current)));
            first = false;
        }

        context.Publish(new ErrorProduced(exception.GetType().Name, exception.Message, traceback, [])
        {
            ExecutionCount = context.ExecutionCount,
        });
    }

    /// <summary>Publishes that the cell was cancelled.</summary>
    public static void PublishCancelled(SubmissionContext context, bool hardStopped)
    {
        var message = hardStopped
            ? "The cell was cancelled and its thread was stopped."
            : "The cell was cancelled.";
        context.Publish(new ErrorProduced(nameof(OperationCanceledException), message, [nameof(OperationCanceledException) + ": " + message], [])
        {
            ExecutionCount = context.ExecutionCount,
        });
    }

    /// <summary>Publishes an error that did not come from C# code, such as a bad magic.</summary>
    public static void PublishError(SubmissionContext context, string name, string message) =>
        context.Publish(new ErrorProduced(name, message, [.. message.Split('\n').Select((l, i) => i == 0 ? name + ": " + l : l)], [])
        {
            ExecutionCount = context.ExecutionCount,
        });

    /// <summary>Keeps the frames of user code and the libraries it called, rewritten to name cells instead of Roslyn submissions.</summary>
    public static IEnumerable<string> UserFrames(string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace))
        {
            yield break;
        }

        foreach (var raw in stackTrace.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("at ", StringComparison.Ordinal))
            {
                continue;
            }

            var frame = FrameRegex().Match(line);
            var method = frame.Groups["method"].Value;
            if (HiddenFramePrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            yield return "   at " + Rewrite(method, frame.Groups["file"].Value, frame.Groups["line"].Value);
        }
    }

    private static string Rewrite(string method, string file, string line)
    {
        var cell = file.StartsWith(CellFilePrefix, StringComparison.Ordinal) ? $"<cell {file[CellFilePrefix.Length..]}>" : null;
        var location = line.Length == 0 ? string.Empty : $", line {line}";
        var submission = SubmissionRegex().Match(method);
        if (!submission.Success)
        {
            return file.Length == 0 ? method : $"{method} in {cell ?? file}{location}";
        }

        var name = method[submission.Length..];
        cell ??= "<cell>";
        return name.Contains("<Initialize>", StringComparison.Ordinal)
            ? cell + location
            : $"{name} in {cell}{location}";
    }

    private static CellDiagnostic ToCellDiagnostic(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => CellDiagnosticSeverity.Error,
            DiagnosticSeverity.Warning => CellDiagnosticSeverity.Warning,
            _ => CellDiagnosticSeverity.Info,
        };
        return new CellDiagnostic(
            diagnostic.Id,
            severity,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1);
    }

    [GeneratedRegex(@"^at (?<method>.+?)(?: in (?<file>.*):line (?<line>\d+))?$")]
    private static partial Regex FrameRegex();

    [GeneratedRegex(@"^Submission#\d+\.")]
    private static partial Regex SubmissionRegex();
}
