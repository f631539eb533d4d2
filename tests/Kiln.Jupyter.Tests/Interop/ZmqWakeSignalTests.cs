using Kiln.Jupyter.Interop;

namespace Kiln.Jupyter.Tests.Interop;

public sealed class ZmqWakeSignalTests
{
    [Fact]
    public async Task Signal_FromAnotherThread_EndsABlockingPoll()
    {
        using var context = ZmqContextHandle.Create();
        using var wake = new ZmqWakeSignal(context);
        ZmqSocket[] sockets = [wake.Receiver];

        var signaller = Task.Run(wake.Signal, TestContext.Current.CancellationToken);
        var ready = ZmqSocket.Poll(sockets, 30_000);
        await signaller;

        ready[0].ShouldBeTrue();
    }

    [Fact]
    public void Acknowledge_DrainsTheWakeAndRearmsSignal()
    {
        using var context = ZmqContextHandle.Create();
        using var wake = new ZmqWakeSignal(context);
        ZmqSocket[] sockets = [wake.Receiver];

        wake.Signal();
        wake.Signal();
        ZmqSocket.Poll(sockets, 30_000)[0].ShouldBeTrue();
        wake.Acknowledge();
        ZmqSocket.Poll(sockets, 0)[0].ShouldBeFalse("two signals before an acknowledgement send one wake");

        wake.Signal();
        ZmqSocket.Poll(sockets, 30_000)[0].ShouldBeTrue("an acknowledgement re-arms the signal");
    }
}
