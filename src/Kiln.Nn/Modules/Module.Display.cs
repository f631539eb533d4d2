using System.Globalization;
using System.Net;
using System.Text;
using Kiln.Display;

namespace Kiln.Nn;

/// <summary>Display facet: PyTorch-style text representation and notebook rendering.</summary>
public abstract partial class Module
{
    /// <summary>Formats the module tree as PyTorch prints it, e.g. <c>Linear(in_features=4, out_features=2, bias=True)</c>.</summary>
    /// <remarks>PyTorch: <c>repr(module)</c>.</remarks>
    public override string ToString()
    {
        var extra = ExtraRepr();
        if (_children.Count == 0)
        {
            return $"{GetType().Name}({extra})";
        }

        var sb = new StringBuilder(GetType().Name).Append('(');
        if (extra.Length > 0)
        {
            sb.Append('\n').Append("  ").Append(extra);
        }

        foreach (var (name, child) in _children)
        {
            var body = child.ToString().Replace("\n", "\n  ", StringComparison.Ordinal);
            sb.Append('\n').Append("  (").Append(name).Append("): ").Append(body);
        }

        return sb.Append("\n)").ToString();
    }

    /// <summary>Renders the module tree (text/plain) and, for notebooks, a summary table of parameters (text/html).</summary>
    public MimeBundle ToMimeBundle()
    {
        var html = new StringBuilder("<div class=\"kiln-module\"><pre>")
            .Append(WebUtility.HtmlEncode(ToString()))
            .Append("</pre><table><thead><tr><th>parameter</th><th>shape</th><th>count</th></tr></thead><tbody>");
        foreach (var (name, p) in NamedParameters())
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>").Append(p.Shape)
                .Append("</td><td>").Append(p.ElementCount.ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        html.Append("</tbody></table><div>Total parameters: ")
            .Append(ParameterCount.ToString("N0", CultureInfo.InvariantCulture)).Append("</div></div>");
        return new MimeBundle().Add(MimeTypes.Html, html.ToString()).Add(MimeTypes.PlainText, ToString());
    }

    /// <summary>The module's settings as shown inside the parentheses of <see cref="ToString"/>.</summary>
    /// <remarks>PyTorch: <c>Module.extra_repr()</c>.</remarks>
    protected virtual string ExtraRepr() => string.Empty;

    /// <summary>Formats a bool as PyTorch prints it (True/False).</summary>
    protected static string Py(bool value) => value ? "True" : "False";

    /// <summary>Formats a number as Python's repr of a float would (e.g. 0.1, 1e-05).</summary>
    protected static string Py(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e16)
        {
            return value.ToString("0.0", CultureInfo.InvariantCulture);
        }

        var s = value.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('E', StringComparison.Ordinal) ? FormatExponent(s) : s;
    }

    private static string FormatExponent(string s)
    {
        var parts = s.Split('E');
        var exp = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return $"{parts[0]}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
    }
}
