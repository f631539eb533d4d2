using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Kiln.Benchmarks.Data;
using Kiln.Data;
using Kiln.Metrics;

// Usage:
//   Kiln.Benchmarks.Data csv <file.csv> [runs]                     load + Describe, best of runs
//   Kiln.Benchmarks.Data metrics <y_true.i32> <y_pred.i32> <y_score.f64> [runs]   F1 + ROC AUC, best of runs
//   Kiln.Benchmarks.Data charts [runs]                             scatter 100k, heatmap 100x100, 10-chart notebook
// Each mode prints stage timings and one machine-readable line "kiln_seconds <best>" (or several "kiln_* <value>").
var mode = args.Length > 0 ? args[0] : throw new ArgumentException("pass a mode: csv, metrics or charts");
var inv = CultureInfo.InvariantCulture;
switch (mode)
{
    case "csv":
    {
        var runs = args.Length > 2 ? int.Parse(args[2], inv) : 3;
        var best = double.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var pause = GC.GetTotalPauseDuration();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var frame = Frame.ReadCsv(args[1]);
            var load = sw.Elapsed.TotalSeconds;
            var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            var description = frame.Describe();
            var total = sw.Elapsed.TotalSeconds;
            var cpu2 = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine(string.Create(inv, $"run {r}: load {load:F3} s (cpu {(cpu1 - cpu0).TotalSeconds:F3} s), describe {total - load:F3} s (cpu {(cpu2 - cpu1).TotalSeconds:F3} s), total {total:F3} s, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F3} s ({frame.RowCount} rows, {description.Columns.Count} columns)"));
            best = Math.Min(best, total);
            GC.Collect();
        }

        Console.WriteLine(string.Create(inv, $"kiln_seconds {best:F3}"));
        break;
    }

    case "metrics":
    {
        var yTrue = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(args[1])).ToArray();
        var yPred = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(args[2])).ToArray();
        var yScore = MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(args[3])).ToArray();
        var runs = args.Length > 4 ? int.Parse(args[4], inv) : 3;
        var best = double.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var f1 = ClassificationMetrics.F1(yTrue, yPred);
            var tF1 = sw.Elapsed.TotalSeconds;
            var auc = RankingMetrics.RocAuc(yTrue, yScore);
            var total = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(inv, $"run {r}: f1 {tF1:F3} s, roc_auc {total - tF1:F3} s, total {total:F3} s (f1 = {f1:R}, auc = {auc:R})"));
            best = Math.Min(best, total);
            GC.Collect();
        }

        Console.WriteLine(string.Create(inv, $"kiln_seconds {best:F3}"));
        break;
    }

    case "charts":
        ChartsBench.Run(args.Length > 1 ? int.Parse(args[1], inv) : 5);
        break;

    default:
        throw new ArgumentException($"unknown mode '{mode}'; use csv, metrics or charts");
}
