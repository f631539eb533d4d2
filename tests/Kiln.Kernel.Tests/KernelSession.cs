using Kiln.Display;
using Kiln.Kernel.Events;

namespace Kiln.Kernel.Tests;

/// <summary>The events and result of one submission, with helpers to read them.</summary>
internal sealed record Submission(SubmissionResult Result, IReadOnlyList<KernelEvent> Events)
{
    public string Stdout => string.Concat(Events.OfType<StandardOutputProduced>().Select(e => e.Text));

    public string Stderr => string.Concat(Events.OfType<StandardErrorProduced>().Select(e => e.Text));

    public MimeBundle? ReturnValue => Events.OfType<ReturnValueProduced>().SingleOrDefault()?.Bundle;

    public string? ReturnText => ReturnValue?.GetText(MimeTypes.PlainText);

    public ErrorProduced? Error => Events.OfType<ErrorProduced>().SingleOrDefault();

    public IReadOnlyList<DisplayProduced> Displays => [.. Events.OfType<DisplayProduced>()];

    public SubmissionStatus Status => Result.Status;
}

internal static class KernelTestExtensions
{
    /// <summary>Submits <paramref name="code"/> and collects its events.</summary>
    public static Task<Submission> RunAsync(this CSharpKernel kernel, string code) =>
        kernel.RunWithTokenAsync(code, TestContext.Current.CancellationToken);

    /// <summary>Submits <paramref name="code"/> with <paramref name="ct"/> as the submission's token and collects its events.</summary>
    public static async Task<Submission> RunWithTokenAsync(this CSharpKernel kernel, string code, CancellationToken ct)
    {
        var events = new List<KernelEvent>();
        var result = await kernel.SubmitAsync(code, e => events.Add(e), ct);
        return new Submission(result, events);
    }

    /// <summary>Submits <paramref name="code"/> and fails the test with the error when it does not succeed.</summary>
    public static async Task<Submission> RunOkAsync(this CSharpKernel kernel, string code)
    {
        var submission = await kernel.RunAsync(code);
        submission.Status.ShouldBe(SubmissionStatus.Succeeded,
            submission.Error is { } error ? $"{error.Name}: {error.Value}\n{string.Join('\n', error.Traceback)}" : "no error event");
        return submission;
    }

    /// <summary>Submits <paramref name="code"/>, cancels it once it has produced its first event, and returns its status.</summary>
    public static async Task<SubmissionStatus> CancelOnceStartedAsync(this CSharpKernel kernel, string code)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = kernel.SubmitAsync(code, _ => started.TrySetResult(), cancellation.Token);
        await started.Task.WaitAsync(TestContext.Current.CancellationToken);
        cancellation.Cancel();
        return (await running.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken)).Status;
    }
}
