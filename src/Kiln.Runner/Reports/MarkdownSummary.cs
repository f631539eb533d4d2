using System.Globalization;
using System.Text;
using Kiln.Display;
using Kiln.Notebooks;
using Kiln.Runner.Execution;

namespace Kiln.Runner.Reports;

/// <summary>Writes a Markdown summary of a run: a table of notebooks, then the figures each notebook reports.</summary>
/// <remarks>A notebook reports figures from the cells it tags <c>summary</c>: their stream and plain-text outputs are
/// copied under the notebook's heading, so metrics, timings and artifact locations appear in one place.</remarks>
public static class MarkdownSummary
{
    /// <summary>The tag that marks a cell whose outputs belong in the summary.</summary>
    public const string SummaryTag = "summary";

    /// <summary>Builds the summary text for <paramref name="results"/>.</summary>
    public static string Build(IReadOnlyList<NotebookRunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder("# Kiln run summary\n\n| notebook | status | cells run | duration |\n| --- | --- | ---: | ---: |\n");
        foreach (var result in results)
        {
            var run = result.Cells.Count(c => c.Status is not (CellStatus.NotRun or CellStatus.Skipped));
            text.Append(CultureInfo.InvariantCulture,
                $"| {result.InputPath} | {result.Status.ToString().ToLowerInvariant()} | {run} | {result.Duration.TotalSeconds:0.0} s |\n");
        }

        var total = results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
        text.Append(CultureInfo.InvariantCulture, $"\nTotal notebook time: {total.TotalSeconds:0.0} s.\n");
        foreach (var result in results)
        {
            var figures = Figures(result);
            if (figures.Length > 0 || result.Message is not null)
            {
                text.Append("\n## ").Append(result.InputPath).Append("\n\n");
                if (result.Message is not null)
                {
                    text.Append("**").Append(result.Status).Append(":** ").Append(result.Message).Append("\n\n");
                }

                if (figures.Length > 0)
                {
                    text.Append("```\n").Append(figures.TrimEnd('\n')).Append("\n```\n");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Writes the summary to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<NotebookRunResult> results)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Build(results), new UTF8Encoding(false));
    }

    private static string Figures(NotebookRunResult result)
    {
        if (result.OutputPath is null || !File.Exists(result.OutputPath))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var cell in NotebookFile.Load(result.OutputPath).Cells.Where(c => CellPolicy.HasTag(c, SummaryTag)))
        {
            foreach (var output in cell.Outputs)
            {
                text.Append(output switch
                {
                    StreamOutput stream => stream.Text,
                    MimeOutput mime => mime.GetText(MimeTypes.PlainText) + "\n",
                    _ => string.Empty,
                });
            }
        }

        return text.ToString();
    }
}
