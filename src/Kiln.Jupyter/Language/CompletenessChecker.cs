using System.Text.Json.Nodes;
using Kiln.Kernel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.Jupyter.Language;

/// <summary>Answers <c>is_complete_request</c>: whether a console front-end should run the code or wait for more lines.</summary>
internal static class CompletenessChecker
{
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Returns <c>complete</c>, <c>incomplete</c> with the next line's indent, or <c>invalid</c> for code with syntax errors.</summary>
    public static JsonObject Check(string code)
    {
        if (!CSharpKernel.IsCompleteSubmission(code))
        {
            return new JsonObject { ["status"] = "incomplete", ["indent"] = NextIndent(code) };
        }

        var tree = CSharpSyntaxTree.ParseText(CellText.WithoutMagics(code), ScriptOptions);
        var invalid = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new JsonObject { ["status"] = invalid ? "invalid" : "complete" };
    }

    private static string NextIndent(string code)
    {
        var lines = code.Split('\n');
        var last = lines.LastOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? string.Empty;
        var indent = last[..(last.Length - last.TrimStart().Length)];
        var trimmed = last.TrimEnd();
        return trimmed.EndsWith('{') || trimmed.EndsWith('(') || trimmed.EndsWith('[') ? indent + "    " : indent;
    }
}
