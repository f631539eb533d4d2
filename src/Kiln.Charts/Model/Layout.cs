using System.Globalization;
using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>The figure layout: title, axes, size, legend and annotations (plotly.js <c>layout</c>).</summary>
public sealed record Layout
{
    /// <summary>The figure title, written in plotly's <c>{"text": …}</c> form.</summary>
    public string? Title { get; init; }

    /// <summary>The axes by layout key (<c>"xaxis"</c>, <c>"yaxis"</c>, <c>"xaxis2"</c>, …).</summary>
    public IReadOnlyDictionary<string, Axis> Axes { get; init; } = new Dictionary<string, Axis>();

    /// <summary>The figure width in pixels; null fills the container.</summary>
    public int? Width { get; init; }

    /// <summary>The figure height in pixels; null uses plotly's default (450).</summary>
    public int? Height { get; init; }

    /// <summary>Whether the legend is shown; null lets plotly.js decide (shown for two traces or more).</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>How bars sharing a position are laid out; null for plotly's default (grouped).</summary>
    public BarMode? BarMode { get; init; }

    /// <summary>Text labels on the figure.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];

    /// <summary>Returns the axis stored under <paramref name="key"/>, or null.</summary>
    public Axis? GetAxis(string key) => Axes.GetValueOrDefault(key);

    /// <summary>Returns a copy with <paramref name="axis"/> stored under <paramref name="key"/>.</summary>
    public Layout WithAxis(string key, Axis axis)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(axis);
        var axes = new Dictionary<string, Axis>(Axes) { [key] = axis };
        return this with { Axes = axes };
    }

    /// <summary>Combines two layouts: the settings of this one win, the unset ones come from <paramref name="other"/>.</summary>
    public Layout MergedWith(Layout other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var axes = new Dictionary<string, Axis>(other.Axes);
        foreach (var (key, axis) in Axes)
        {
            axes[key] = axis.MergedWith(other.GetAxis(key));
        }

        return new Layout
        {
            Title = Title ?? other.Title,
            Axes = axes,
            Width = Width ?? other.Width,
            Height = Height ?? other.Height,
            ShowLegend = ShowLegend ?? other.ShowLegend,
            BarMode = BarMode ?? other.BarMode,
            Annotations = [.. Annotations, .. other.Annotations],
        };
    }

    /// <summary>Returns the layout as plotly.js layout JSON.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Title is not null)
        {
            json["title"] = new JsonObject { ["text"] = Title };
        }

        foreach (var (key, axis) in Axes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            json[key] = axis.ToJson();
        }

        if (Width is { } width)
        {
            json["width"] = width;
        }

        if (Height is { } height)
        {
            json["height"] = height;
        }

        if (ShowLegend is { } showLegend)
        {
            json["showlegend"] = showLegend;
        }

        if (BarMode is { } barMode)
        {
            json["barmode"] = barMode.ToString().ToLower(CultureInfo.InvariantCulture);
        }

        if (Annotations.Count > 0)
        {
            json["annotations"] = new JsonArray(Annotations.Select(a => (JsonNode)a.ToJson()).ToArray());
        }

        return json;
    }
}
