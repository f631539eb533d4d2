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
    public async Task SubmitAsync_HardStopOnCancel_RunsCellsOneAfterAnotherOnOneThread()
    {
        await using var kernel = new CSharpKernel(new KernelOptions { HardStopOnCancel = true });
        await kernel.RunOkAsync("var firstThread = Thread.CurrentThread;");

        (await kernel.RunOkAsync("object.ReferenceEquals(Thread.CurrentThread, firstThread)")).ReturnText.ShouldBe("True");
    }

    [Fact]
    public async Task SubmitAsync_HardStopOnCancel_StopsALoopAgainAfterAnEarlierStop()
    {
        // The first stop aborts the kernel's cell thread; the second loop must still be stoppable.
        await using var kernel = new CSharpKernel(new KernelOptions { HardStopOnCancel = true });
        await kernel.RunOkAsync("long spins = 0;");

        const string Loop = "Console.WriteLine(\"looping\");\nwhile (true) { spins++; }";
        (await kernel.CancelOnceStartedAsync(Loop)).ShouldBe(SubmissionStatus.Cancelled);
        (await kernel.CancelOnceStartedAsync(Loop)).ShouldBe(SubmissionStatus.Cancelled);
        (await kernel.RunOkAsync("spins > 0")).ReturnText.ShouldBe("True");
    }

    [Fact]
    public async Task SubmitAsync_HardStopOnCancel_CultureSetByACellDoesNotLeakIntoTheNextCell()
    {
        await using var kernel = new CSharpKernel(new KernelOptions { HardStopOnCancel = true });
        var expected = 1.5.ToString(System.Globalization.CultureInfo.CurrentCulture);
        await kernel.RunOkAsync("""
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            System.Globalization.CultureInfo.CurrentCulture = comma;
            """);

        (await kernel.RunOkAsync("1.5.ToString()")).ReturnText.ShouldBe(expected);
    }

    [Fact]
    public async Task SubmitAsync_HardStopOnCancel_WithTokenThatCannotBeCancelled_RunsCells()
    {
        await using var kernel = new CSharpKernel(new KernelOptions { HardStopOnCancel = true });
        (await kernel.RunWithTokenAsync("var x = 20;", CancellationToken.None)).Status.ShouldBe(SubmissionStatus.Succeeded);
        (await kernel.RunWithTokenAsync("x + 1", CancellationToken.None)).ReturnText.ShouldBe("21");
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
