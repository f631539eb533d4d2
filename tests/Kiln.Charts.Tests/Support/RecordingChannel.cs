using Kiln.Display;

namespace Kiln.Charts.Tests.Support;

/// <summary>A display channel that records bundles the way a kernel would send display_data and update_display_data.</summary>
internal sealed class RecordingChannel : IDisplayChannel
{
    public List<(string Kind, string DisplayId, MimeBundle Bundle)> Messages { get; } = [];

    public DisplayHandle Show(object? value)
    {
        var id = "display-" + Messages.Count;
        Messages.Add(("display_data", id, ((IDisplayable)value!).ToMimeBundle()));
        return new DisplayHandle(this, id);
    }

    public void Update(string displayId, object? value) =>
        Messages.Add(("update_display_data", displayId, ((IDisplayable)value!).ToMimeBundle()));
}

[CollectionDefinition(nameof(PlotlySessionState), DisableParallelization = true)]
public sealed class PlotlySessionState;
