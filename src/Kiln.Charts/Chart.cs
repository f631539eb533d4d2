using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Charts;

/// <summary>An immutable plotly.js figure (traces, layout and config) with a fluent C# API.</summary>
/// <remarks>
/// Create charts with the static factories (<see cref="Line{TX, TY}"/>, <see cref="Bar{TK, TV}"/>, …), style them with the
/// <c>With…</c> methods (each returns a new chart), and show them in a notebook by returning them from a cell or calling
/// <see cref="Display"/>. Plotly.NET: <c>GenericChart</c>; plotly.py: <c>go.Figure</c>.
/// </remarks>
public sealed partial class Chart
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Creates a chart from traces, an optional layout and an optional renderer config.</summary>
    public Chart(IEnumerable<Trace> traces, Layout? layout = null, ChartConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(traces);
        Traces = [.. traces];
        if (Traces.Any(t => t is null))
        {
            throw new ArgumentException("A chart's traces must not be null.", nameof(traces));
        }

        Layout = layout ?? new Layout();
        Config = config ?? new ChartConfig();
    }

    /// <summary>The traces, drawn in order.</summary>
    public IReadOnlyList<Trace> Traces { get; }

    /// <summary>The layout: title, axes, size, legend.</summary>
    public Layout Layout { get; }

    /// <summary>The renderer options.</summary>
    public ChartConfig Config { get; }

    /// <summary>The total number of data points over all traces.</summary>
    public int PointCount => Traces.Sum(t => t.PointCount);

    /// <summary>Returns the plotly.js figure: <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    public JsonObject ToFigureJson() => new()
    {
        ["data"] = new JsonArray(Traces.Select(t => (JsonNode)t.ToJson()).ToArray()),
        ["layout"] = Layout.ToJson(),
        ["config"] = Config.ToJson(),
    };

    /// <summary>Returns the plotly.js figure as JSON text.</summary>
    public string ToJson(bool indented = false) => indented ? ToFigureJson().ToJsonString(Indented) : ToFigureJson().ToJsonString();

    /// <summary>Returns a copy with the figure title set.</summary>
    public Chart WithTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return WithLayout(Layout with { Title = title });
    }

    /// <summary>Returns a copy with the x axis title, scale and range set (the first subplot's axis in a grid).</summary>
    public Chart WithXAxis(string? title = null, AxisType type = AxisType.Auto, (double Min, double Max)? range = null) =>
        WithAxis("xaxis", title, type, range);

    /// <summary>Returns a copy with the y axis title, scale and range set (the first subplot's axis in a grid).</summary>
    public Chart WithYAxis(string? title = null, AxisType type = AxisType.Auto, (double Min, double Max)? range = null) =>
        WithAxis("yaxis", title, type, range);

    /// <summary>Returns a copy drawn at <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public Chart WithSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return WithLayout(Layout with { Width = width, Height = height });
    }

    /// <summary>Returns a copy with the legend shown or hidden.</summary>
    public Chart WithLegend(bool show = true) => WithLayout(Layout with { ShowLegend = show });

    /// <summary>Returns a copy whose bars or histograms are grouped, overlaid or stacked.</summary>
    public Chart WithBarMode(BarMode mode) => WithLayout(Layout with { BarMode = mode });

    /// <summary>Returns a copy whose traces all carry <paramref name="name"/> (use on single-trace charts before combining).</summary>
    public Chart WithName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return WithTraces(Traces.Select(t => t with { Name = name }));
    }

    /// <summary>Returns a copy whose traces are all drawn in <paramref name="color"/>, a CSS color.</summary>
    public Chart WithColor(string color)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(color);
        return WithTraces(Traces.Select(t => t with { Color = color }));
    }

    /// <summary>Returns a copy with another layout.</summary>
    public Chart WithLayout(Layout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new Chart(Traces, layout, Config);
    }

    /// <summary>Returns a copy with other renderer options.</summary>
    public Chart WithConfig(ChartConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new Chart(Traces, Layout, config);
    }

    /// <summary>Returns a copy with other traces and the same layout and config.</summary>
    public Chart WithTraces(IEnumerable<Trace> traces) => new(traces, Layout, Config);

    private Chart WithAxis(string key, string? title, AxisType type, (double Min, double Max)? range)
    {
        if (range is var (min, max) && type == AxisType.Log && (min <= 0 || max <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "A log axis range must be positive; pass bounds above zero.");
        }

        var axis = new Axis { Title = title, Type = type, Range = range }.MergedWith(Layout.GetAxis(key));
        return WithLayout(Layout.WithAxis(key, axis));
    }
}
