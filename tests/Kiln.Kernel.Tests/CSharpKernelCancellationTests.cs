using Kiln.Kernel.Events;

namespace Kiln.Kernel.Tests;

public class CSharpKernelCancellationTests
{
    [Fact]
    public async Task SubmitAsync_CellObservingToken_EndsCancelledAndKernelStaysUsable()
    {
        await using var kernel = new CSharpKernel();
        await kernel.RunOkAsync("var before = 5;");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = new List<KernelEvent>();
        var running = kernel.SubmitAsync(
            "Console.WriteLine(\"started\");\nwhile (true) { KernelContext.CancellationToken.ThrowIfCancellationRequested(); await Task.Delay(10); }",
            e =>
            {
                events.Add(e);
                started.TrySetResult();
            },
            cancellation.Token);
        await started.Task.WaitAsync(TestContext.Current.CancellationToken);
        cancellation.Cancel();
        var result = new Submission(await running, events);

        result.Status.ShouldBe(SubmissionStatus.Cancelled);
        result.Stdout.ShouldBe("started\n");
        result.Error.ShouldNotBeNull().Name.ShouldBe(nameof(OperationCanceledException));
        (await kernel.RunOkAsync("before + 1")).ReturnText.ShouldBe("6");
    }

    [Fact]
    public async Task SubmitAsync_HardStopOnCancel_StopsLoopThatIgnoresTheToken()
    {
        var options = new KernelOptions { HardStopOnCancel = true };
        options.References.Add(typeof(Probe).Assembly);
        await using var kernel = new CSharpKernel(options);
        await kernel.RunOkAsync("var before = 5;");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var running = kernel.RunWithTokenAsync("while (true) { Kiln.Kernel.Tests.Probe.Tick(); }", cancellation.Token);
        var start = Probe.Counter;
        while (Probe.Counter == start)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        cancellation.Cancel();
        var result = await running;
        result.Status.ShouldBe(SubmissionStatus.Cancelled);
        result.Error.ShouldBeOfType<ErrorProduced>().Name.ShouldBe(nameof(OperationCanceledException));

        await Task.Delay(200, TestContext.Current.CancellationToken);
        var afterStop = Probe.Counter;
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Probe.Counter.ShouldBe(afterStop, "the aborted loop must not keep running");
        (await kernel.RunOkAsync("before + 1")).ReturnText.ShouldBe("6");
    }

    [Fact]
    public async Task SubmitAsync_AlreadyCancelledToken_DoesNotRunTheCell()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunWithTokenAsync("Console.WriteLine(\"ran\");", new CancellationToken(canceled: true));
        result.Status.ShouldBe(SubmissionStatus.Cancelled);
        result.Stdout.ShouldBeEmpty();
    }
}
