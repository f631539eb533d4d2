namespace Kiln.Serving.Tests;

public class RunTests
{
    [Fact]
    public async Task RunAsync_Cancelled_DrainsAndReturnsZero()
    {
        using var dir = new TempDir();
        TestModel.Save(dir.Path);
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = ModelServer.RunAsync(dir.Path, new ServerOptions { Port = 0 }, output, stop.Token);
        await Waits.UntilAsync(() => output.ToString().Contains("Ctrl+C", StringComparison.Ordinal));
        await stop.CancelAsync();

        (await run).ShouldBe(0);
        output.ToString().ShouldContain("kiln serve: cancer at http://127.0.0.1:");
        output.ToString().ShouldContain("kiln serve: stopped");
    }
}
