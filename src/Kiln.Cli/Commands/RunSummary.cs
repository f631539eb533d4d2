using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kiln.Runner;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kiln.Cli.Commands;

/// <summary>The final table and the failure reports of <c>kiln run</c>.</summary>
internal static partial class RunSummary
{
    private const int ExcerptLines = 8;

    public static IRenderable Table(IReadOnlyList<NotebookRunResult> results, bool plain)
    {
        var table = new Table().Border(plain ? TableBorder.Ascii : TableBorder.Rounded)
            .AddColumn("notebook").AddColumn(new TableColumn("cells run").RightAligned())
            .AddColumn(new TableColumn("duration").RightAligned()).AddColumn("status");
        foreach (var result in results)
        {
            var run = result.Cells.Count(c => c.Status is not (CellStatus.NotRun or CellStatus.Skipped));
            var status = result.Status.ToString().ToLowerInvariant();
            table.AddRow(
                Markup.Escape(result.InputPath),
                run.ToString(CultureInfo.InvariantCulture),
                result.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s",
                plain ? status : result.Status == NotebookStatus.Passed ? $"[green]{status}[/]" : $"[red]{status}[/]");
        }

        return table;
    }

    /// <summary>One report per failed notebook: <c>path:cell_N</c> (clickable in IDEs), the failing lines and the error.</summary>
    public static IEnumerable<string> Failures(IReadOnlyList<NotebookRunResult> results)
    {
        foreach (var result in results.Where(r => r.Status != NotebookStatus.Passed))
        {
            if (result.Status == NotebookStatus.Invalid)
            {
                yield return $"\nINVALID {result.InputPath}: {result.Message}";
                continue;
            }

            foreach (var cell in result.FailedCells)
            {
                yield return Describe(result, cell);
            }
        }
    }

    private static string Describe(NotebookRunResult result, CellResult cell)
    {
        var failingLine = cell.Error?.Traceback.Select(t => LineNumber().Match(t)).FirstOrDefault(m => m.Success) is { } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : (int?)null;
        var text = new StringBuilder();
        text.Append('\n').Append(cell.Status.ToString().ToUpperInvariant()).Append(' ').Append(result.InputPath)
            .Append(":cell_").Append(cell.Index).Append(failingLine is { } l ? $":{l}" : "")
            .Append(" (execution count ").Append(cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? "-").Append(")\n");
        var lines = cell.Source.Split('\n');
        var first = failingLine is { } f ? Math.Max(0, f - 1 - (ExcerptLines / 2)) : 0;
        for (var i = first; i < Math.Min(lines.Length, first + ExcerptLines); i++)
        {
            text.Append(i + 1 == failingLine ? "  > " : "    ").Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(3))
                .Append(" | ").Append(lines[i]).Append('\n');
        }

        if (cell.Error is { } error)
        {
            text.Append(error.Name).Append(": ").Append(error.Value);
            foreach (var frame in error.Traceback.Take(10))
            {
                text.Append('\n').Append("  ").Append(frame);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"line (\d+)")]
    private static partial Regex LineNumber();
}
