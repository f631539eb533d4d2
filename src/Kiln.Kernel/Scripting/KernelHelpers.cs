using System.Diagnostics.CodeAnalysis;
using Kiln.Display;
using Kiln.Kernel.Formatting;

namespace Kiln.Kernel.Scripting;

/// <summary>Functions every cell can call unqualified (the kernel imports this class with <c>using static</c>).</summary>
/// <remarks>Polyglot Notebooks: the static members of <c>Microsoft.DotNet.Interactive.Kernel</c>; the lower-case names match it.</remarks>
[SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Notebook users expect Polyglot's display() spelling.")]
public static class KernelHelpers
{
    /// <summary>Displays <paramref name="value"/> as a new output of the executing cell and returns a handle to update it.</summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">The MIME types wanted; empty for the type's preferred ones (<c>text/plain</c> is always added).</param>
    /// <exception cref="InvalidOperationException">No cell is executing.</exception>
    public static DisplayHandle display(object? value, params string[] mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(mimeTypes);
        var channel = DisplaySession.Current
            ?? throw new InvalidOperationException("display() needs an executing notebook cell; outside a notebook use DisplaySession.Show(value).");
        return channel.Show(mimeTypes.Length == 0 ? value : new FormattedValue(value, mimeTypes));
    }

    /// <summary>Wraps HTML markup so that displaying it renders the markup.</summary>
    /// <param name="html">Markup, shown as is (it is not encoded).</param>
    public static HtmlContent HTML(string html) => new(html);

    /// <summary>A value to render in chosen MIME types only.</summary>
    private sealed class FormattedValue(object? value, string[] mimeTypes) : IDisplayable
    {
        public MimeBundle ToMimeBundle() => Formatter.Format(value, mimeTypes);
    }
}
