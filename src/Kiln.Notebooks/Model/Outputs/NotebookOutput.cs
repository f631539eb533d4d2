using System.Text.Json.Nodes;

namespace Kiln.Notebooks;

/// <summary>One output of a code cell: <see cref="StreamOutput"/>, <see cref="DisplayDataOutput"/>,
/// <see cref="ExecuteResultOutput"/>, <see cref="ErrorOutput"/>, or an <see cref="UnknownOutput"/> kept as raw JSON.</summary>
public abstract class NotebookOutput
{
    /// <summary>The nbformat <c>output_type</c>.</summary>
    public abstract string OutputType { get; }

    /// <summary>Keys of this output that the model does not know, kept for the next write.</summary>
    public JsonObject ExtraProperties { get; } = [];
}

/// <summary>The <c>output_type</c> values nbformat 4 defines.</summary>
public static class OutputTypes
{
    /// <summary>Text written to stdout or stderr.</summary>
    public const string Stream = "stream";

    /// <summary>A value displayed explicitly.</summary>
    public const string DisplayData = "display_data";

    /// <summary>The value of a cell's last expression.</summary>
    public const string ExecuteResult = "execute_result";

    /// <summary>An exception raised by the cell.</summary>
    public const string Error = "error";
}
