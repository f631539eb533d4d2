namespace Kiln.Display;

/// <summary>A displayed output that can be replaced in place, for live charts and progress.</summary>
/// <remarks>Polyglot Notebooks: <c>DisplayedValue</c>. Jupyter: <c>update_display_data</c> with a <c>display_id</c>.</remarks>
public sealed class DisplayHandle
{
    private readonly IDisplayChannel _channel;

    /// <summary>Creates a handle for the output <paramref name="displayId"/> of <paramref name="channel"/>.</summary>
    public DisplayHandle(IDisplayChannel channel, string displayId)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayId);
        _channel = channel;
        DisplayId = displayId;
    }

    /// <summary>The identifier shared by the original output and its updates.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed output with <paramref name="value"/>.</summary>
    public void Update(object? value) => _channel.Update(DisplayId, value);
}
