namespace Kiln.Display;

/// <summary>Implemented by library types that know how to render themselves in a notebook.</summary>
/// <remarks>
/// This is the whole contract between Kiln's libraries and the kernel: a library never references the kernel.
/// The bundle should always include <see cref="MimeTypes.PlainText"/> so terminals and logs have something to show.
/// </remarks>
public interface IDisplayable
{
    /// <summary>Renders the value as a MIME bundle.</summary>
    MimeBundle ToMimeBundle();
}
