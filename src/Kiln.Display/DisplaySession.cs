namespace Kiln.Display;

/// <summary>The ambient display channel, so libraries can show values without referencing the kernel.</summary>
/// <remarks>
/// The kernel sets <see cref="Current"/> for the duration of each cell (it flows into tasks the cell starts).
/// Outside a notebook there is no channel and <see cref="Show"/> writes the plain-text form to the console.
/// </remarks>
public static class DisplaySession
{
    private static readonly AsyncLocal<IDisplayChannel?> CurrentChannel = new();

    /// <summary>The channel of the cell that is executing, or null outside a notebook.</summary>
    public static IDisplayChannel? Current
    {
        get => CurrentChannel.Value;
        set => CurrentChannel.Value = value;
    }

    /// <summary>Whether code is running inside a notebook cell that can show rich output.</summary>
    public static bool IsInteractive => Current is not null;

    /// <summary>Shows <paramref name="value"/> in the current cell, or prints it when there is no notebook.</summary>
    /// <returns>A handle for in-place updates, or null outside a notebook.</returns>
    public static DisplayHandle? Show(object? value)
    {
        if (Current is { } channel)
        {
            return channel.Show(value);
        }

        Console.Out.WriteLine(PlainText(value));
        return null;
    }

    /// <summary>Returns the plain-text form of <paramref name="value"/> as a library would print it.</summary>
    public static string PlainText(object? value) => value switch
    {
        null => "<null>",
        IDisplayable displayable => displayable.ToMimeBundle().GetText(MimeTypes.PlainText) ?? displayable.ToString() ?? string.Empty,
        _ => value.ToString() ?? string.Empty,
    };
}
