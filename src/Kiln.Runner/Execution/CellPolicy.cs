using System.Globalization;
using System.Text.Json.Nodes;
using Kiln.Notebooks;

namespace Kiln.Runner.Execution;

/// <summary>Reads the per-cell run policy from tags and metadata (nbclient and nbmake conventions).</summary>
internal static class CellPolicy
{
    public const string SkipExecutionTag = "skip-execution";
    public const string RaisesExceptionTag = "raises-exception";
    private const string TimeoutTagPrefix = "timeout=";

    public static IReadOnlyList<string> Tags(NotebookCell cell) =>
        cell.Metadata["tags"] is JsonArray tags
            ? tags.Select(t => t is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>().ToList()
            : [];

    public static bool HasTag(NotebookCell cell, string tag) => Tags(cell).Contains(tag, StringComparer.Ordinal);

    /// <summary>A cell's own timeout: a <c>timeout=N</c> tag or <c>metadata.execution.timeout</c> (seconds).</summary>
    public static TimeSpan? Timeout(JsonObject metadata, IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.StartsWith(TimeoutTagPrefix, StringComparison.Ordinal)
                && double.TryParse(tag[TimeoutTagPrefix.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds > 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return metadata["execution"] is JsonObject execution
               && execution["timeout"] is JsonValue value
               && value.TryGetValue(out double fromMetadata)
               && fromMetadata > 0
            ? TimeSpan.FromSeconds(fromMetadata)
            : null;
    }

    /// <summary>The smallest of the given limits, ignoring absent ones.</summary>
    public static TimeSpan? Min(params TimeSpan?[] limits)
    {
        TimeSpan? min = null;
        foreach (var limit in limits)
        {
            if (limit is { } value && (min is null || value < min))
            {
                min = value;
            }
        }

        return min;
    }
}
