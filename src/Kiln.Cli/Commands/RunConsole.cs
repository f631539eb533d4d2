using System.Collections.Concurrent;
using System.Globalization;
using Kiln.Runner;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>Shows <c>kiln run</c> progress: a live Spectre display on a terminal, plain lines on CI, with NO_COLOR or when redirected.</summary>
internal sealed class RunConsole(bool quiet, bool logOutput) : IRunObserver
{
    private readonly IAnsiConsole _console = CreateConsole();
    private readonly ConcurrentDictionary<string, int> _codeCells = new();
    private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _live;
    private ProgressContext? _context;

    /// <summary>Whether output is plain lines with no escape codes (CI=true, NO_COLOR, or stdout redirected).</summary>
    public static bool IsPlain =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        || Console.IsOutputRedirected;

    private const int PlainWidth = 240;

    private bool Live => !IsPlain && !quiet && !logOutput;

    public void Start(IReadOnlyList<string> inputs, RunOptions options, int jobs)
    {
        if (!quiet)
        {
            var where = options.InPlace ? "in place" : $"to {options.OutputDirectory}";
            _console.WriteLine($"kiln run: {inputs.Count} notebook(s), {jobs} at a time, writing {where}");
        }

        if (!Live)
        {
            return;
        }

        var ready = new TaskCompletionSource();
        _live = _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _context = context;
                ready.SetResult();
                await _finished.Task.ConfigureAwait(false);
            });
        ready.Task.Wait();
    }

    public void NotebookStarted(string path, int codeCells)
    {
        _codeCells[path] = codeCells;
        if (_context is not null)
        {
            _tasks[path] = _context.AddTask(Markup.Escape(path), maxValue: Math.Max(codeCells, 1));
        }
        else
        {
            Line($"[{path}] started: {codeCells} code cell(s)");
        }
    }

    public void CellStarted(string path, int cellIndex, int ordinal)
    {
        if (_tasks.TryGetValue(path, out var task))
        {
            task.Description = Markup.Escape($"{path}  cell {cellIndex} ({ordinal}/{_codeCells.GetValueOrDefault(path)})");
        }
    }

    public void CellOutput(string path, int cellIndex, string streamName, string text)
    {
        if (!logOutput)
        {
            return;
        }

        var prefix = $"[{path}:cell_{cellIndex}{(streamName == "stderr" ? " stderr" : "")}] ";
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            Console.Out.WriteLine(prefix + line);
        }
    }

    public void CellFinished(string path, CellResult result)
    {
        if (_tasks.TryGetValue(path, out var task))
        {
            task.Increment(1);
            return;
        }

        Line($"[{path}] cell {result.Index}: {result.Status.ToString().ToLowerInvariant()} in {Seconds(result.Duration)}");
    }

    public void NotebookFinished(NotebookRunResult result)
    {
        if (_tasks.TryGetValue(result.InputPath, out var task))
        {
            task.Description = Markup.Escape($"{result.InputPath}  {result.Status.ToString().ToLowerInvariant()}");
            task.Value = task.MaxValue;
            task.StopTask();
            return;
        }

        Line($"[{result.InputPath}] {result.Status.ToString().ToLowerInvariant()} in {Seconds(result.Duration)}" +
             (result.OutputPath is null ? "" : $" -> {Path.GetRelativePath(Directory.GetCurrentDirectory(), result.OutputPath)}"));
    }

    public void Finish(IReadOnlyList<NotebookRunResult> results)
    {
        _finished.TrySetResult();
        _live?.Wait();
        _console.Write(RunSummary.Table(results, IsPlain));
        foreach (var failure in RunSummary.Failures(results))
        {
            Console.Out.WriteLine(failure);
        }
    }

    private void Line(string text)
    {
        if (!quiet)
        {
            _console.WriteLine(text);
        }
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = IsPlain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = IsPlain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = IsPlain ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (IsPlain)
        {
            // CI logs have no width: never wrap lines at the 80 columns a redirected console reports.
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
