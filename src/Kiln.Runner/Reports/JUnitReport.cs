using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Kiln.Runner.Reports;

/// <summary>Writes run results as JUnit XML: one test case per notebook, one failure per failed cell.</summary>
/// <remarks>Timeouts and worker crashes are reported as <c>&lt;error&gt;</c>, cell errors as <c>&lt;failure&gt;</c>.</remarks>
public static class JUnitReport
{
    private const int ExcerptLines = 12;

    /// <summary>Builds the JUnit document for <paramref name="results"/>.</summary>
    public static XDocument Build(IReadOnlyList<NotebookRunResult> results, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(results);
        var cases = results.Select(BuildCase).ToList();
        var failures = results.Count(r => r.Status == NotebookStatus.Failed);
        var errors = results.Count(r => r.Status is not (NotebookStatus.Passed or NotebookStatus.Failed));
        var time = Seconds(results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration));
        var suite = new XElement("testsuite",
            new XAttribute("name", "kiln run"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", 0),
            new XAttribute("time", time),
            new XAttribute("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            cases);
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "kiln run"),
                new XAttribute("tests", results.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", errors),
                new XAttribute("time", time),
                suite));
    }

    /// <summary>Writes the JUnit document for <paramref name="results"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<NotebookRunResult> results, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        Build(results, timestamp).Save(stream);
    }

    private static XElement BuildCase(NotebookRunResult result)
    {
        var path = result.InputPath.Replace('\\', '/');
        var element = new XElement("testcase",
            new XAttribute("classname", Path.GetDirectoryName(path)?.Replace('\\', '/') is { Length: > 0 } dir ? dir : "."),
            new XAttribute("name", path),
            new XAttribute("time", Seconds(result.Duration)));
        if (result.Status is NotebookStatus.Invalid or NotebookStatus.Cancelled)
        {
            element.Add(new XElement("error", new XAttribute("message", result.Message ?? result.Status.ToString()),
                new XAttribute("type", result.Status.ToString())));
        }

        foreach (var cell in result.FailedCells)
        {
            var kind = cell.Status == CellStatus.Failed ? "failure" : "error";
            var name = cell.Error?.Name ?? cell.Status.ToString();
            element.Add(new XElement(kind,
                new XAttribute("message", $"cell {cell.Index}: {name}: {cell.Error?.Value}"),
                new XAttribute("type", name),
                Describe(path, cell)));
        }

        return element;
    }

    private static string Describe(string path, CellResult cell)
    {
        var text = new StringBuilder();
        text.Append(path).Append(":cell_").Append(cell.Index).Append(" (execution count ")
            .Append(cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? "-").Append(")\n");
        var lines = cell.Source.Split('\n');
        foreach (var line in lines.Take(ExcerptLines))
        {
            text.Append("    ").Append(line).Append('\n');
        }

        if (lines.Length > ExcerptLines)
        {
            text.Append("    … (").Append(lines.Length - ExcerptLines).Append(" more lines)\n");
        }

        if (cell.Error is { } error)
        {
            text.Append(error.Name).Append(": ").Append(error.Value).Append('\n');
            foreach (var frame in error.Traceback)
            {
                text.Append(frame).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
