using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Kiln.Display;
using Kiln.Kernel.Formatting;

namespace Kiln.Kernel.Magics;

/// <summary>The outputs of the informational magics: <c>#!lsmagic</c>, <c>#!who</c>, <c>#!whos</c>, <c>#!about</c>.</summary>
internal static class MagicReports
{
    /// <summary>Lists every magic with its usage, as plain text and an HTML table.</summary>
    public static MimeBundle LsMagic()
    {
        var html = new StringBuilder("<table><thead><tr><th>Magic</th><th>Description</th></tr></thead><tbody>");
        var text = new StringBuilder("Available magic commands:\n");
        foreach (var magic in MagicCatalog.All)
        {
            html.Append("<tr><td><code>").Append(Encode(magic.Name)).Append("</code></td><td>").Append(Encode(magic.Description)).Append("</td></tr>");
            text.Append("  ").Append(magic.Name.PadRight(10)).Append(magic.Description).Append('\n');
        }

        text.Append("Each magic sits on its own line and prints its usage with -h.");
        return new MimeBundle().Add(MimeTypes.Html, html.Append("</tbody></table>").ToString()).Add(MimeTypes.PlainText, text.ToString());
    }

    /// <summary>Lists variable names.</summary>
    public static MimeBundle Who(IReadOnlyList<KernelVariable> variables) =>
        MimeBundle.FromText(variables.Count == 0 ? "No variables defined." : string.Join("  ", variables.Select(v => v.Name)));

    /// <summary>Lists variables with their types and values, as plain text and an HTML table.</summary>
    public static MimeBundle Whos(IReadOnlyList<KernelVariable> variables)
    {
        if (variables.Count == 0)
        {
            return MimeBundle.FromText("No variables defined.");
        }

        var rows = variables
            .Select(v => (v.Name, Type: ValueInspector.TypeName(v.Type), Value: Shorten(PlainTextFormatter.Inline(v.Value, 1))))
            .ToList();
        var nameWidth = Math.Max(4, rows.Max(r => r.Name.Length)) + 2;
        var typeWidth = Math.Max(4, rows.Max(r => r.Type.Length)) + 2;
        var text = new StringBuilder("Name".PadRight(nameWidth) + "Type".PadRight(typeWidth) + "Value");
        var html = new StringBuilder("<table><thead><tr><th>Name</th><th>Type</th><th>Value</th></tr></thead><tbody>");
        foreach (var (name, type, value) in rows)
        {
            text.Append('\n').Append(name.PadRight(nameWidth)).Append(type.PadRight(typeWidth)).Append(value);
            html.Append("<tr><td>").Append(Encode(name)).Append("</td><td>").Append(Encode(type)).Append("</td><td>").Append(Encode(value)).Append("</td></tr>");
        }

        return new MimeBundle().Add(MimeTypes.Html, html.Append("</tbody></table>").ToString()).Add(MimeTypes.PlainText, text.ToString());
    }

    /// <summary>Shows the Kiln version and the .NET runtime.</summary>
    public static MimeBundle About()
    {
        var version = typeof(MagicReports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        version = plus > 0 ? version[..plus] : version;
        var roslyn = typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly.GetName().Version;
        return MimeBundle.FromText(
            $"Kiln {version}\n{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})\nC# scripting: Roslyn {roslyn}");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
