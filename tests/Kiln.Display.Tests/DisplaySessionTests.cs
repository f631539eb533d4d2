using Kiln.Display;

namespace Kiln.Display.Tests;

public class DisplaySessionTests
{
    private sealed class RecordingChannel : IDisplayChannel
    {
        public List<(string Id, object? Value)> Events { get; } = [];

        public DisplayHandle Show(object? value)
        {
            var id = $"d{Events.Count}";
            Events.Add((id, value));
            return new DisplayHandle(this, id);
        }

        public void Update(string displayId, object? value) => Events.Add((displayId, value));
    }

    private sealed class Shape : IDisplayable
    {
        public MimeBundle ToMimeBundle() => MimeBundle.FromText("a shape");
    }

    [Fact]
    public async Task Show_WithChannel_RoutesShowAndUpdateThroughIt()
    {
        var channel = new RecordingChannel();
        DisplaySession.Current = channel;

        // The channel flows into tasks started by the cell.
        var handle = await Task.Run(() => DisplaySession.Show(1));
        handle!.Update(2);

        channel.Events.ShouldBe([("d0", (object?)1), ("d0", 2)]);
        DisplaySession.Current = null;
    }

    [Fact]
    public void PlainText_Displayable_UsesItsPlainTextRepresentation() =>
        DisplaySession.PlainText(new Shape()).ShouldBe("a shape");
}
