using Kiln.Display;
using Kiln.Kernel.Formatting;

namespace Kiln.Kernel.Scripting;

/// <summary>Extension methods that display or render any value from a cell.</summary>
public static class DisplayExtensions
{
    /// <summary>Displays <paramref name="value"/> as a new output of the executing cell (as <c>display(value)</c>).</summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">The MIME types wanted; empty for the type's preferred ones.</param>
    public static DisplayHandle Display(this object? value, params string[] mimeTypes) => KernelHelpers.display(value, mimeTypes);

    /// <summary>Renders <paramref name="value"/> as text of <paramref name="mimeType"/> without displaying it.</summary>
    public static string ToDisplayString(this object? value, string mimeType = MimeTypes.PlainText) =>
        Formatter.ToDisplayString(value, mimeType);
}
