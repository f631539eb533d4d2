using System.Text;

namespace Kiln.Kernel.Execution;

/// <summary>A console writer that sends text to the executing submission, or to the original console outside cells.</summary>
internal sealed class ConsoleRouter(TextWriter original, bool isError) : TextWriter
{
    /// <summary>The writer that was installed before the router.</summary>
    public TextWriter Original { get; } = original;

    /// <inheritdoc/>
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc/>
    public override void Write(char value) => Route(value.ToString());

    /// <inheritdoc/>
    public override void Write(string? value) => Route(value);

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Route(new string(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Route(value + NewLine);

    /// <inheritdoc/>
    public override void WriteLine() => Route(NewLine);

    /// <inheritdoc/>
    public override void Flush()
    {
        if (SubmissionContext.Current is null)
        {
            Original.Flush();
        }
    }

    private void Route(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (SubmissionContext.Current is { } context)
        {
            context.Write(isError, text);
        }
        else
        {
            Original.Write(text);
        }
    }
}
