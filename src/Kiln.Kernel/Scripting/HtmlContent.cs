using Kiln.Display;

namespace Kiln.Kernel.Scripting;

/// <summary>HTML markup that renders as itself, created by <see cref="KernelHelpers.HTML"/>.</summary>
/// <param name="Html">The markup.</param>
public sealed record HtmlContent(string Html) : IDisplayable
{
    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => new MimeBundle().Add(MimeTypes.Html, Html).Add(MimeTypes.PlainText, Html);

    /// <summary>Returns the markup.</summary>
    public override string ToString() => Html;
}
