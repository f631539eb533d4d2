using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kiln.Charts;
using Kiln.Display;

namespace Kiln.Benchmarks.Data;

/// <summary>Times building and serializing charts, and measures the HTML of a notebook with ten charts.</summary>
internal static class ChartsBench
{
    public static void Run(int runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var random = new Random(42);
        var x = new double[100_000];
        var y = new double[100_000];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble();
            y[i] = random.NextDouble();
        }

        var z = new double[100, 100];
        for (var i = 0; i < 100; i++)
        {
            for (var j = 0; j < 100; j++)
            {
                z[i, j] = random.NextDouble();
            }
        }

        var scatter = Best(runs, () => Chart.Scatter(x, y).ToJson().Length);
        var heatmap = Best(runs, () => Chart.Heatmap(z).ToJson().Length);
        Console.WriteLine(string.Create(inv, $"scatter 100k points: build + serialize {scatter.Seconds * 1000:F1} ms ({scatter.Size} bytes of JSON)"));
        Console.WriteLine(string.Create(inv, $"heatmap 100x100: build + serialize {heatmap.Seconds * 1000:F1} ms ({heatmap.Size} bytes of JSON)"));

        // The figures, for the Python reference to serialize with json.dumps.
        var outDir = Environment.GetEnvironmentVariable("KILN_BENCH_OUT");
        if (outDir is not null)
        {
            File.WriteAllText(Path.Combine(outDir, "scatter.json"), Chart.Scatter(x, y).ToJson());
            File.WriteAllText(Path.Combine(outDir, "heatmap.json"), Chart.Heatmap(z).ToJson());
        }

        // A notebook session with ten charts: each Display() goes through the kernel's channel, as in a cell.
        var channel = new RecordingChannel();
        PlotlyJs.ResetSession();
        DisplaySession.Current = channel;
        var small = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
        for (var c = 0; c < 10; c++)
        {
            (c % 2 == 0 ? Chart.Line(small) : Chart.Heatmap(new double[5, 5])).Display();
        }

        DisplaySession.Current = null;
        var html = channel.Html.ToString();
        var copies = CountOf(html, PlotlyJs.MarkerAttribute + "=");
        Console.WriteLine(string.Create(inv, $"notebook with 10 charts: {channel.Outputs} outputs, text/html {html.Length / 1024.0 / 1024.0:F2} MiB, plotly.js included {copies} time(s) (plotly.js alone {PlotlyJs.Source.Length / 1024.0 / 1024.0:F2} MiB)"));
        Console.WriteLine(string.Create(inv, $"kiln_scatter_ms {scatter.Seconds * 1000:F3}"));
        Console.WriteLine(string.Create(inv, $"kiln_heatmap_ms {heatmap.Seconds * 1000:F3}"));
        Console.WriteLine(string.Create(inv, $"kiln_notebook_html_bytes {html.Length}"));
        Console.WriteLine(string.Create(inv, $"kiln_plotly_copies {copies}"));
    }

    private static (double Seconds, int Size) Best(int runs, Func<int> work)
    {
        var best = double.MaxValue;
        var size = 0;
        for (var r = 0; r < runs + 1; r++)
        {
            var sw = Stopwatch.StartNew();
            size = work();
            var t = sw.Elapsed.TotalSeconds;
            if (r > 0)
            {
                best = Math.Min(best, t); // run 0 warms up the JIT, as Python's first call warms its caches
            }
        }

        return (best, size);
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed class RecordingChannel : IDisplayChannel
    {
        public StringBuilder Html { get; } = new();

        public int Outputs { get; private set; }

        public DisplayHandle Show(object? value)
        {
            Outputs++;
            if (value is IDisplayable displayable && displayable.ToMimeBundle().GetText(MimeTypes.Html) is { } html)
            {
                Html.Append(html).Append('\n');
            }

            return new DisplayHandle(this, "d" + Outputs.ToString(CultureInfo.InvariantCulture));
        }

        public void Update(string displayId, object? value)
        {
        }
    }
}
