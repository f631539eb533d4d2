using System.Diagnostics;

namespace Kiln.Jupyter.Tests.Clients;

/// <summary>Runs Debian's Jupyter tools as bounded subprocesses.</summary>
internal static class ExternalProcess
{
    public const string Python = "/usr/bin/python3";

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
    }

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        if (!File.Exists(fileName))
        {
            throw new FileNotFoundException(
                $"{fileName} is missing: the Jupyter interop tests need Debian's python3 with python3-jupyter-client, python3-nbclient and jupyter-nbconvert (scripts/setup-deps.sh installs them).",
                fileName);
        }

        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new Result(-1, await stdout, $"timed out after {timeout.TotalSeconds} s\n" + await stderr);
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
