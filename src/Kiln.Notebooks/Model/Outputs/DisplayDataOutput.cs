using Kiln.Display;

namespace Kiln.Notebooks;

/// <summary>A value displayed explicitly (IPython <c>display()</c>, Kiln <c>DisplaySession.Show</c>).</summary>
public sealed class DisplayDataOutput : MimeOutput
{
    /// <inheritdoc/>
    public override string OutputType => OutputTypes.DisplayData;

    /// <summary>Creates a display_data output from a MIME bundle.</summary>
    public static DisplayDataOutput FromBundle(MimeBundle bundle)
    {
        var output = new DisplayDataOutput();
        output.CopyFrom(bundle);
        return output;
    }
}
