using Kiln.Display;
using Kiln.Kernel.Events;

namespace Kiln.Kernel.Tests;

public class CSharpKernelOutputTests
{
    [Fact]
    public async Task SubmitAsync_ConsoleWrites_BecomeStdoutAndStderrEvents()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("Console.Write(\"a\");\nConsole.WriteLine(\"b\");\nConsole.Error.WriteLine(\"oops\");\nConsole.Write(\"tail\");");
        result.Stdout.ShouldBe("ab\ntail");
        result.Stderr.ShouldBe("oops\n");
    }

    [Fact]
    public async Task SubmitAsync_WritesFromTaskRunAndThreads_AreCaptured()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync(
            "await Task.Run(() => Console.WriteLine(\"from task\"));\n" +
            "var t = new System.Threading.Thread(() => Console.WriteLine(\"from thread\"));\nt.Start();\nt.Join();");
        result.Stdout.ShouldBe("from task\nfrom thread\n");
    }

    [Fact]
    public async Task SubmitAsync_OutputOrder_IsKeptAcrossStreamsAndDisplays()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("Console.Write(\"before\");\ndisplay(1);\nConsole.WriteLine(\"after\");\n2");
        result.Events.Select(e => e.GetType().Name).ShouldBe(
            [nameof(StandardOutputProduced), nameof(DisplayProduced), nameof(StandardOutputProduced), nameof(ReturnValueProduced)]);
    }

    [Fact]
    public async Task Display_ThenUpdate_RaisesDisplayAndUpdateWithTheSameId()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("var handle = display(1);\nhandle.Update(2);");
        var shown = result.Displays.ShouldHaveSingleItem();
        var updated = result.Events.OfType<DisplayUpdated>().ShouldHaveSingleItem();
        updated.DisplayId.ShouldBe(shown.DisplayId);
        shown.Bundle.GetText(MimeTypes.PlainText).ShouldBe("1");
        updated.Bundle.GetText(MimeTypes.PlainText).ShouldBe("2");
    }

    [Fact]
    public async Task Display_HandleUpdatedFromLaterCell_IsReportedInThatCell()
    {
        await using var kernel = new CSharpKernel();
        var first = await kernel.RunOkAsync("var progress = display(\"0%\");");
        var second = await kernel.RunOkAsync("progress.Update(\"100%\");");
        var updated = second.Events.OfType<DisplayUpdated>().ShouldHaveSingleItem();
        updated.DisplayId.ShouldBe(first.Displays[0].DisplayId);
        updated.ExecutionCount.ShouldBe(2);
    }

    [Fact]
    public async Task DisplayExtensionAndDisplaySession_BothShowInTheCell()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("42.Display();\nDisplaySession.Show(\"lib\");\nDisplaySession.IsInteractive");
        result.Displays.Select(d => d.Bundle.GetText(MimeTypes.PlainText)).ShouldBe(["42", "lib"]);
        result.ReturnText.ShouldBe("True");
    }

    [Fact]
    public async Task Html_Helper_DisplaysMarkupUnencoded()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("HTML(\"<b>bold</b>\")");
        result.ReturnValue!.GetText(MimeTypes.Html).ShouldBe("<b>bold</b>");
        result.ReturnValue.Contains(MimeTypes.PlainText).ShouldBeTrue();
    }

    [Fact]
    public async Task SubmitAsync_HostCallbackWritingToConsole_DoesNotLoopBackIntoTheCell()
    {
        await using var kernel = new CSharpKernel();
        var events = new List<KernelEvent>();
        var result = await kernel.SubmitAsync(
            "Console.WriteLine(\"cell\");\ndisplay(1);",
            e =>
            {
                events.Add(e);
                Console.WriteLine($"host saw {e.GetType().Name}");
                DisplaySession.IsInteractive.ShouldBeFalse();
            },
            TestContext.Current.CancellationToken);
        result.Status.ShouldBe(SubmissionStatus.Succeeded);
        events.Select(e => e.GetType().Name).ShouldBe([nameof(StandardOutputProduced), nameof(DisplayProduced)]);
        new Submission(result, events).Stdout.ShouldBe("cell\n");
    }

    [Fact]
    public async Task WarmUpAsync_DoesNotChangeStateOrExecutionCount()
    {
        await using var kernel = new CSharpKernel();
        await kernel.WarmUpAsync(TestContext.Current.CancellationToken);
        kernel.ExecutionCount.ShouldBe(0);
        kernel.GetVariables().ShouldBeEmpty();
        (await kernel.RunOkAsync("1")).Result.ExecutionCount.ShouldBe(1);
    }

    [Fact]
    public async Task DisposeAsync_LastKernel_OutsideCellsConsoleStillWorks()
    {
        var kernel = new CSharpKernel();
        await kernel.RunOkAsync("1");
        await kernel.DisposeAsync();
        Console.Out.ShouldNotBeNull();
        await Should.ThrowAsync<ObjectDisposedException>(() => kernel.SubmitAsync("1", _ => { }, TestContext.Current.CancellationToken));
    }
}
