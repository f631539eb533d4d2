namespace Kiln.Jupyter.Tests.Clients;

/// <summary>Drives the kernel with Debian's jupyter_client through Clients/kernel_client.py, one scenario per test.</summary>
/// <remarks>The scenarios assert on the protocol replies themselves; each starts a fresh kernel process.</remarks>
[Collection(nameof(JupyterClientCollection))]
public sealed class KernelClientTests : IDisposable
{
    private readonly KernelspecPrefix _prefix = new();

    [Fact]
    public Task KernelInfoCompleteInspectIsComplete_RealClient_RepliesAsSpecified() =>
        RunScenarioAsync("language", "complete member of earlier cell's variable", "inspect XML doc summary", "is_complete invalid", "comm_info empty");

    [Fact]
    public Task InputRequest_ConsoleReadLineAndPassword_RoundTripThroughStdinChannel() =>
        RunScenarioAsync("stdin", "input_request password", "stdin values reach the cell", "stdin refused without allow_stdin");

    [Fact]
    public Task Execute_ErrorThenQueuedCell_AbortsQueuedCellLikeIpykernel() =>
        RunScenarioAsync("errors", "queued execute aborted after error", "no abort when stop_on_error is false", "silent publishes nothing");

    [Fact]
    public Task InterruptRequest_InfiniteLoop_StopsCellAndKernelLivesOn() =>
        RunScenarioAsync("interrupt", "heartbeat answers while a cell spins", "interrupted cell replies", "kernel alive after interrupt");

    [Fact]
    public Task RestartAndShutdown_RealClient_ResetsStateAndExitsCleanly() =>
        RunScenarioAsync("restart", "state gone after restart", "shutdown reply", "process exit code 0");

    [Fact]
    public Task ShellMessage_BadSignature_IsDroppedAndLoggedWithoutPayload() =>
        RunScenarioAsync("signature", "forged message gets no reply", "reply is verified and answers the signed request", "bad signature logged", "log has no payload");

    [Fact]
    public async Task Kernel_LauncherDiesAbruptly_KernelExitsByItself()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "kernel_client.py");
        var result = await ExternalProcess.RunAsync(
            ExternalProcess.Python, [script, "orphan", Path.Combine(_prefix.Root, "orphan.log")], _prefix.Environment, TimeSpan.FromSeconds(120));
        result.ExitCode.ShouldBe(0, result.ToString());
        var line = result.StandardOutput.Split('\n').Single(l => l.StartsWith("KERNEL_PID ", StringComparison.Ordinal));
        var pid = int.Parse(line["KERNEL_PID ".Length..], System.Globalization.CultureInfo.InvariantCulture);

        var exited = false;
        for (var attempt = 0; attempt < 200 && !exited; attempt++)
        {
            exited = !IsRunning(pid);
            if (!exited)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        exited.ShouldBeTrue($"kernel process {pid} still runs 20 s after its launcher died");
    }

    public void Dispose() => _prefix.Dispose();

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task RunScenarioAsync(string scenario, params string[] expectedChecks)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "kernel_client.py");
        var log = Path.Combine(_prefix.Root, $"{scenario}.log");
        var result = await ExternalProcess.RunAsync(ExternalProcess.Python, [script, scenario, log], _prefix.Environment, TimeSpan.FromSeconds(120));

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var check in expectedChecks)
        {
            result.StandardOutput.ShouldContain($"PASS {check}", Case.Sensitive, result.ToString());
        }
    }
}

/// <summary>Runs the client scenarios one after another: each starts a kernel process, and the machine is small.</summary>
[CollectionDefinition(nameof(JupyterClientCollection), DisableParallelization = true)]
public sealed class JupyterClientCollection;
