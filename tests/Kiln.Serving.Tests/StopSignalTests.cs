namespace Kiln.Serving.Tests;

public class StopSignalTests
{
    [Fact]
    public void Request_CancelsTheToken()
    {
        using var stop = new StopSignal(CancellationToken.None);

        stop.Request();

        stop.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public async Task CallersToken_Cancelled_CancelsTheToken()
    {
        using var caller = new CancellationTokenSource();
        using var stop = new StopSignal(caller.Token);

        await caller.CancelAsync();

        stop.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void Request_AfterDispose_DoesNothing()
    {
        // What a Ctrl+C handler does when another handler of the same signal already let the server stop.
        var stop = new StopSignal(CancellationToken.None);
        stop.Dispose();

        Should.NotThrow(stop.Request);
    }
}
