using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Notebooks.Tests.Judge;

/// <summary>One verdict of Python nbformat on a notebook written by Kiln.</summary>
internal sealed record JudgeResult(
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("canonical")] bool Canonical,
    [property: JsonPropertyName("semantic")] bool? Semantic,
    [property: JsonPropertyName("ids_kept")] bool? IdsKept,
    [property: JsonPropertyName("diff")] string? Diff);

/// <summary>Runs Judge/nbformat_judge.py under Debian's /usr/bin/python3 with python3-nbformat.</summary>
internal static class NbformatJudge
{
    private const string Python = "/usr/bin/python3";
    private const string Missing =
        "Python nbformat is needed to judge written notebooks but /usr/bin/python3 with python3-nbformat is missing: run scripts/setup-deps.sh";

    /// <summary>Judges each (output, optional input) pair in one Python process.</summary>
    public static IReadOnlyList<JudgeResult> Judge(params (string Output, string? Input)[] jobs)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Judge", "nbformat_judge.py");
        var payload = JsonSerializer.Serialize(jobs.Select(j => new Dictionary<string, string?> { ["output"] = j.Output, ["input"] = j.Input }));
        var (code, stdout, stderr) = Run(["-c", "import nbformat"], null);
        code.ShouldBe(0, $"{Missing}\n{stderr}");
        (code, stdout, stderr) = Run([script], payload);
        code.ShouldBe(0, $"the nbformat judge failed:\n{stderr}");
        return JsonSerializer.Deserialize<List<JudgeResult>>(stdout)!;
    }

    /// <summary>Judges a single written file.</summary>
    public static JudgeResult JudgeOne(string output, string? input = null) => Judge((output, input))[0];

    private static (int Code, string Stdout, string Stderr) Run(string[] args, string? stdin)
    {
        File.Exists(Python).ShouldBeTrue(Missing);
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}
