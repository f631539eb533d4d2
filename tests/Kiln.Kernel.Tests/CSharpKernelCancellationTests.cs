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
        // With HardStopOnCancel the kernel only completes the submission once the cell's thread has left the loop,
        // so a Cancelled result proves the loop was aborted.
        await using var kernel = new CSharpKernel(new KernelOptions { HardStopOnCancel = true });
        await kernel.RunOkAsync("var before = 5;");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = new List<KernelEvent>();
        var running = kernel.SubmitAsync(
            "Console.WriteLine(\"looping\");\nlong spins = 0;\nwhile (true) { spins++; }",
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
        result.Stdout.ShouldBe("looping\n");
        result.Error.ShouldNotBeNull().Value.ShouldBe("The cell was cancelled and its thread was stopped.");
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
