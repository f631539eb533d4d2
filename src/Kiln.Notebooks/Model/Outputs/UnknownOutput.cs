using System.Text.Json.Nodes;

namespace Kiln.Notebooks;

/// <summary>An output of a type this version does not know, kept as its raw JSON so it survives a round trip.</summary>
/// <remarks>nbformat: <c>unrecognized_output</c>, where only <c>output_type</c> is required.</remarks>
public sealed class UnknownOutput : NotebookOutput
{
    /// <summary>Wraps the raw JSON of an output.</summary>
    /// <exception cref="ArgumentException">The object has no string <c>output_type</c>.</exception>
    public UnknownOutput(JsonObject raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw["output_type"] is not JsonValue v || !v.TryGetValue(out string? type))
        {
            throw new ArgumentException("An output needs a string \"output_type\".", nameof(raw));
        }

        Raw = raw;
        OutputType = type;
    }

    /// <inheritdoc/>
    public override string OutputType { get; }

    /// <summary>The output's JSON, including <c>output_type</c>, as read.</summary>
    public JsonObject Raw { get; }
}
