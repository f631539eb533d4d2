namespace Kiln.Notebooks;

/// <summary>Text the cell wrote to stdout or stderr.</summary>
public sealed class StreamOutput : NotebookOutput
{
    /// <summary>The stream name for standard output.</summary>
    public const string StdOut = "stdout";

    /// <summary>The stream name for standard error.</summary>
    public const string StdErr = "stderr";

    /// <summary>Creates a stream output.</summary>
    /// <param name="name">The stream: <see cref="StdOut"/> or <see cref="StdErr"/>.</param>
    /// <param name="text">The text written, as one string.</param>
    public StreamOutput(string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(text);
        Name = name;
        Text = text;
    }

    /// <inheritdoc/>
    public override string OutputType => OutputTypes.Stream;

    /// <summary>The stream name (<c>stdout</c> or <c>stderr</c>).</summary>
    public string Name { get; set; }

    /// <summary>The text written, as one string; append to it to merge consecutive writes.</summary>
    public string Text { get; set; }
}
