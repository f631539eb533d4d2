using System.Text.Json.Nodes;
using Kiln.Display;

namespace Kiln.Notebooks;

/// <summary>An output that carries a MIME bundle: <see cref="DisplayDataOutput"/> or <see cref="ExecuteResultOutput"/>.</summary>
/// <remarks>
/// <see cref="Data"/> maps MIME type to value: text types hold one JSON string (lines joined), JSON types
/// (<see cref="MimeTypes.IsJson"/>) hold any JSON value, as in nbformat's in-memory notebook.
/// </remarks>
public abstract class MimeOutput : NotebookOutput
{
    /// <summary>The representations, MIME type to value.</summary>
    public JsonObject Data { get; set; } = [];

    /// <summary>Per-MIME-type metadata (for example an image's width and height).</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>The Jupyter <c>transient.display_id</c> that later <c>update_display_data</c> messages target; kept in memory only, never written.</summary>
    public string? DisplayId { get; set; }

    /// <summary>Gets the text value for <paramref name="mimeType"/>, or null when absent or not a string.</summary>
    public string? GetText(string mimeType) =>
        Data[mimeType] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>Converts the data and metadata back to a <see cref="MimeBundle"/> (JSON values cloned).</summary>
    public MimeBundle ToBundle()
    {
        var bundle = new MimeBundle();
        foreach (var (mimeType, value) in Data)
        {
            if (value is JsonValue v && v.TryGetValue(out string? text) && !MimeTypes.IsJson(mimeType))
            {
                bundle.Add(mimeType, text);
            }
            else if (value is not null && MimeTypes.IsJson(mimeType))
            {
                bundle.Add(mimeType, value.DeepClone());
            }
            else if (value is not null)
            {
                bundle.Add(mimeType, value.ToJsonString());
            }
        }

        foreach (var (key, value) in Metadata)
        {
            bundle.Metadata[key] = value?.DeepClone();
        }

        return bundle;
    }

    /// <summary>Copies a bundle's values into <see cref="Data"/> and <see cref="Metadata"/>.</summary>
    /// <remarks>Text values become JSON strings; JSON values are cloned so the bundle stays independent.</remarks>
    protected void CopyFrom(MimeBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        foreach (var (mimeType, value) in bundle)
        {
            Data[mimeType] = value switch
            {
                string text => JsonValue.Create(text),
                JsonNode json => json.DeepClone(),
                _ => throw new ArgumentException($"MIME value for '{mimeType}' is a {value.GetType().Name}; expected a string or a JsonNode.", nameof(bundle)),
            };
        }

        foreach (var (key, value) in bundle.Metadata)
        {
            Metadata[key] = value?.DeepClone();
        }
    }
}
