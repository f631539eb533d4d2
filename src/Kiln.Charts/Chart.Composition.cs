using System.Globalization;

namespace Kiln.Charts;

public sealed partial class Chart
{
    /// <summary>Overlays charts on one set of axes: their traces in order, the first chart's layout settings winning.</summary>
    /// <remarks>Plotly.NET: <c>Chart.Combine</c>. Use it for train vs validation curves or points plus a reference line.</remarks>
    /// <exception cref="ArgumentException">No chart was given.</exception>
    public static Chart Combine(params IEnumerable<Chart> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var list = charts.ToList();
        if (list.Count == 0 || list.Any(c => c is null))
        {
            throw new ArgumentException("Combine needs at least one chart and no nulls.", nameof(charts));
        }

        var layout = list.Skip(1).Aggregate(list[0].Layout, (merged, next) => merged.MergedWith(next.Layout));
        return new Chart(list.SelectMany(c => c.Traces), layout, list[0].Config);
    }

    /// <summary>Lays charts out in a <paramref name="rows"/> × <paramref name="columns"/> grid of subplots, row by row.</summary>
    /// <remarks>
    /// Each chart gets its own axes (<c>x2</c>/<c>y2</c>, … with explicit domains) keeping its axis titles and scales, and its
    /// title becomes the subplot title. Plotly.NET: <c>Chart.Grid</c>; plotly.py: <c>make_subplots</c> (same spacing: 0.2/columns
    /// horizontally, 0.3/rows vertically).
    /// </remarks>
    /// <exception cref="ArgumentException">There are no charts, or more charts than cells.</exception>
    public static Chart Grid(int rows, int columns, params IEnumerable<Chart> charts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentNullException.ThrowIfNull(charts);
        var list = charts.ToList();
        if (list.Count == 0 || list.Any(c => c is null))
        {
            throw new ArgumentException("Grid needs at least one chart and no nulls.", nameof(charts));
        }

        if (list.Count > rows * columns)
        {
            throw new ArgumentException($"{list.Count} charts do not fit a {rows} x {columns} grid; add rows or columns.", nameof(charts));
        }

        double hSpacing = 0.2 / columns, vSpacing = 0.3 / rows;
        double cellWidth = (1 - (hSpacing * (columns - 1))) / columns, cellHeight = (1 - (vSpacing * (rows - 1))) / rows;
        var layout = new Layout();
        var traces = new List<Trace>();
        var annotations = new List<Annotation>();
        for (var k = 0; k < list.Count; k++)
        {
            var (row, column) = (k / columns, k % columns);
            var suffix = k == 0 ? string.Empty : (k + 1).ToString(CultureInfo.InvariantCulture);
            string xId = "x" + suffix, yId = "y" + suffix;
            var xStart = column * (cellWidth + hSpacing);
            var yEnd = 1 - (row * (cellHeight + vSpacing));
            var chart = list[k];
            var xAxis = (chart.Layout.GetAxis("xaxis") ?? new Axis()) with { Domain = (xStart, xStart + cellWidth), Anchor = yId };
            var yAxis = (chart.Layout.GetAxis("yaxis") ?? new Axis()) with { Domain = (yEnd - cellHeight, yEnd), Anchor = xId };
            layout = layout.WithAxis("xaxis" + suffix, xAxis).WithAxis("yaxis" + suffix, yAxis);
            traces.AddRange(chart.Traces.Select(t => t with { XAxisId = xId, YAxisId = yId }));
            if (chart.Layout.Title is { } title)
            {
                annotations.Add(new Annotation(title, xStart + (cellWidth / 2), yEnd));
            }
        }

        return new Chart(traces, layout with { Annotations = annotations, BarMode = list[0].Layout.BarMode }, list[0].Config);
    }
}
