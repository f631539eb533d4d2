using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Runner;
using Kiln.Runner.Reports;

namespace Kiln.Cli.Commands;

/// <summary>The <c>kiln run</c> verb: execute notebooks headlessly, as tests.</summary>
internal static class RunCommand
{
    private const string ExitCodeHelp =
        "Exit codes: 0 all passed; 1 a cell failed; 2 bad usage or unreadable input; 3 timeout; 4 worker crashed; 130 cancelled (Ctrl+C).";

    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks") { Description = "Notebooks (.ipynb, .dib), folders or glob patterns.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Folder for executed notebooks (keeps relative paths).", DefaultValueFactory = _ => Path.Combine("artifacts", "executed") };
        var inPlace = new Option<bool>("--inplace") { Description = "Write each executed notebook over its input (.dib inputs get a .ipynb beside them)." };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "A parameter, name=value, converted to the type of its default in the cell tagged 'parameters'. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var parameterFile = new Option<FileInfo?>("--parameters-file", "-f") { Description = "A JSON object of parameters (papermill -f)." };
        var timeout = new Option<double?>("--timeout") { Description = "Time limit per notebook, in seconds." };
        var cellTimeout = new Option<double?>("--cell-timeout") { Description = "Time limit per cell, in seconds (a cell's 'timeout=N' tag or metadata.execution.timeout overrides it)." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Notebooks to run in parallel, each in its own worker process.", DefaultValueFactory = _ => 1 };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Keep going after a failing cell; the run passes and errors are recorded." };
        var junit = new Option<FileInfo?>("--junit") { Description = "Write a JUnit XML report (one test case per notebook)." };
        var summary = new Option<FileInfo?>("--summary") { Description = "Write a Markdown summary: a table of notebooks and the outputs of cells tagged 'summary'." };
        var html = new Option<DirectoryInfo?>("--html") { Description = "Also write a static HTML rendering of each executed notebook (charts included, works offline)." };
        var cwd = new Option<string?>("--cwd") { Description = "Working directory for the kernel (default: each notebook's folder)." };
        var logOutput = new Option<bool>("--log-output") { Description = "Stream cell output live, each line prefixed with notebook and cell." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the final table and failures." };

        var command = new Command("run", "Execute notebooks headlessly and save the executed notebooks. " + ExitCodeHelp)
        {
            notebooks, output, inPlace, parameters, parameterFile, timeout, cellTimeout, jobs, allowErrors, junit, html, summary, cwd, logOutput, quiet,
        };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<string> inputs;
            RunOptions options;
            try
            {
                inputs = NotebookInputs.Expand(parse.GetValue(notebooks)!);
                options = new RunOptions
                {
                    OutputDirectory = parse.GetValue(output)!,
                    InPlace = parse.GetValue(inPlace),
                    Parameters = ReadParameters(parse.GetValue(parameters) ?? [], parse.GetValue(parameterFile)),
                    NotebookTimeout = Seconds(parse.GetValue(timeout), "--timeout"),
                    CellTimeout = Seconds(parse.GetValue(cellTimeout), "--cell-timeout"),
                    AllowErrors = parse.GetValue(allowErrors),
                    WorkingDirectory = parse.GetValue(cwd),
                };
                if (parse.GetValue(jobs) < 1)
                {
                    throw new ArgumentException("--jobs must be 1 or more.");
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException or ArgumentException or JsonException or IOException)
            {
                await Console.Error.WriteLineAsync($"kiln run: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var console = new RunConsole(parse.GetValue(quiet), parse.GetValue(logOutput));
            console.Start(inputs, options, parse.GetValue(jobs));
            var results = await BatchRunner.RunAsync(inputs, options, parse.GetValue(jobs), console, ct).ConfigureAwait(false);
            console.Finish(results);
            if (parse.GetValue(junit) is { } junitFile)
            {
                JUnitReport.Write(junitFile.FullName, results, options.Time.GetUtcNow());
            }

            if (parse.GetValue(summary) is { } summaryFile)
            {
                MarkdownSummary.Write(summaryFile.FullName, results);
            }

            if (parse.GetValue(html) is { } htmlDirectory)
            {
                HtmlRenderings.Write(results, options, htmlDirectory.FullName);
            }

            return ExitCodes.Combine(results.Select(r => r.ExitCode));
        });
        return command;
    }

    private static TimeSpan? Seconds(double? value, string option) => value switch
    {
        null => null,
        > 0 => TimeSpan.FromSeconds(value.Value),
        _ => throw new ArgumentException($"{option} must be a positive number of seconds."),
    };

    private static Dictionary<string, JsonNode?> ReadParameters(string[] pairs, FileInfo? file)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (file is not null)
        {
            var json = JsonNode.Parse(File.ReadAllText(file.FullName)) as JsonObject
                ?? throw new ArgumentException($"{file.Name}: the parameters file must hold a JSON object, such as {{\"epochs\": 5}}.");
            foreach (var (name, value) in json)
            {
                values[name] = value?.DeepClone();
            }
        }

        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"-p '{pair}': expected name=value.");
            }

            values[pair[..equals].Trim()] = JsonValue.Create(pair[(equals + 1)..]);
        }

        return values;
    }
}
