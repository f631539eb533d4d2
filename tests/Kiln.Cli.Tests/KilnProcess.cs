using System.Diagnostics;

namespace Kiln.Cli.Tests;

/// <summary>Runs the built kiln CLI (kiln.dll beside the tests) as a real process.</summary>
internal static class KilnProcess
{
    /// <summary>Starts kiln with redirected output; the caller reads it and waits.</summary>
    public static Process Start(string workingDirectory, IDictionary<string, string?> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kiln.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>Runs kiln to completion and returns its exit code with stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IDictionary<string, string?> environment, params string[] arguments)
    {
        using var process = Start(workingDirectory, environment, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Skips a Ctrl+C test when this process runs with SIGINT ignored, as a non-interactive shell's background job
    /// or nohup does: kiln inherits the ignored signal, .NET installs no handler for it, and Ctrl+C cannot reach kiln.</summary>
    public static void SkipIfSigIntIgnored()
    {
        const string field = "SigIgn:";
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            : null;
        var ignored = line is null ? 0UL : Convert.ToUInt64(line[field.Length..].Trim(), 16);
        const ulong sigint = 1UL << (2 - 1); // signal N is bit N - 1
        Assert.SkipWhen((ignored & sigint) != 0,
            "SIGINT is ignored in this test process (started as a background job of a non-interactive shell, or with nohup?), " +
            "so kiln would inherit that and could not be interrupted; run scripts/test.sh in the foreground.");
    }

    /// <summary>Sends SIGINT (Ctrl+C) to <paramref name="process"/>.</summary>
    public static async Task InterruptAsync(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
