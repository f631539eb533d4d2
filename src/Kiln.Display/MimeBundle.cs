using System.Collections;
using System.Text.Json.Nodes;

namespace Kiln.Display;

/// <summary>One value rendered in several MIME types, as a notebook output's <c>data</c> and <c>metadata</c>.</summary>
/// <remarks>
/// Text types hold a <see cref="string"/>; JSON types (<see cref="MimeTypes.IsJson"/>) hold a <see cref="JsonNode"/>.
/// Insertion order is kept, so the richest representation can be added first.
/// </remarks>
public sealed class MimeBundle : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    /// <summary>Per-MIME-type metadata (for example an image's width and height).</summary>
    public JsonObject Metadata { get; } = [];

    /// <summary>The number of representations.</summary>
    public int Count => _entries.Count;

    /// <summary>The MIME types present, in insertion order.</summary>
    public IEnumerable<string> MimeTypes => _entries.Select(e => e.Key);

    /// <summary>Creates a bundle with a single plain-text representation.</summary>
    public static MimeBundle FromText(string text) => new MimeBundle().Add(Display.MimeTypes.PlainText, text);

    /// <summary>Adds or replaces the text representation for <paramref name="mimeType"/>.</summary>
    /// <returns>The same bundle, so calls can be chained.</returns>
    public MimeBundle Add(string mimeType, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Set(mimeType, text);
    }

    /// <summary>Adds or replaces the JSON representation for <paramref name="mimeType"/>.</summary>
    /// <returns>The same bundle, so calls can be chained.</returns>
    /// <exception cref="ArgumentException">The MIME type is not a JSON type.</exception>
    public MimeBundle Add(string mimeType, JsonNode json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!Display.MimeTypes.IsJson(mimeType))
        {
            throw new ArgumentException($"'{mimeType}' is a text MIME type; pass its value as a string.", nameof(mimeType));
        }

        return Set(mimeType, json);
    }

    /// <summary>Returns whether the bundle has a representation for <paramref name="mimeType"/>.</summary>
    public bool Contains(string mimeType) => _entries.Exists(e => e.Key == mimeType);

    /// <summary>Gets the text representation for <paramref name="mimeType"/>, or null when absent or not text.</summary>
    public string? GetText(string mimeType) => Find(mimeType) as string;

    /// <summary>Gets the JSON representation for <paramref name="mimeType"/>, or null when absent or not JSON.</summary>
    public JsonNode? GetJson(string mimeType) => Find(mimeType) as JsonNode;

    /// <summary>Removes the representation for <paramref name="mimeType"/>, if present.</summary>
    /// <returns>Whether a representation was removed.</returns>
    public bool Remove(string mimeType) => _entries.RemoveAll(e => e.Key == mimeType) > 0;

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private object? Find(string mimeType) => _entries.Find(e => e.Key == mimeType).Value;

    private MimeBundle Set(string mimeType, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        var index = _entries.FindIndex(e => e.Key == mimeType);
        var entry = new KeyValuePair<string, object>(mimeType, value);
        if (index >= 0)
        {
            _entries[index] = entry;
        }
        else
        {
            _entries.Add(entry);
        }

        return this;
    }
}
