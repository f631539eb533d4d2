using System.Globalization;
using System.Net;
using System.Text;
using Kiln.Display;

namespace Kiln.Tensors;

/// <summary>Display facet: text and HTML rendering for logs and notebooks.</summary>
public sealed partial class Tensor
{
    private const int SummarizeAbove = 1000;
    private const int EdgeItems = 3;
    private const int HtmlEdge = 10;

    /// <summary>Formats a header (shape, dtype, device, grad state) and the values, eliding the middle of large tensors.</summary>
    /// <remarks>PyTorch: <c>print(tensor)</c>; more than 1000 elements show 3 items at each edge of every dimension.</remarks>
    public override string ToString()
    {
        var values = Download();
        var sb = new StringBuilder(Describe()).Append('\n');
        AppendValues(sb, values, 0, 0, ElementCount > SummarizeAbove);
        return sb.ToString();
    }

    /// <summary>Renders the tensor as text/plain and text/html (a table for 2-D tensors).</summary>
    public MimeBundle ToMimeBundle() => new MimeBundle().Add(MimeTypes.Html, ToHtml()).Add(MimeTypes.PlainText, ToString());

    private string Describe()
    {
        var grad = GradFn is not null ? $" grad_fn={GradFn.Name}" : RequiresGrad ? " requiresGrad" : string.Empty;
        return $"Tensor {Shape} {DType} {Device}{grad}";
    }

    private string ToHtml()
    {
        var sb = new StringBuilder("<div class=\"kiln-tensor\"><div><code>").Append(WebUtility.HtmlEncode(Describe())).Append("</code></div>");
        if (Rank == 2)
        {
            var values = Download();
            int rows = Dims[0], cols = Dims[1];
            sb.Append("<table><thead><tr><th></th>");
            foreach (var c in Visible(cols))
            {
                sb.Append(c < 0 ? "<th>…</th>" : $"<th>{c}</th>");
            }

            sb.Append("</tr></thead><tbody>");
            foreach (var r in Visible(rows))
            {
                sb.Append(r < 0 ? "<tr><th>…</th>" : $"<tr><th>{r}</th>");
                foreach (var c in Visible(cols))
                {
                    sb.Append("<td>").Append(r < 0 || c < 0 ? "…" : Format(values, (r * cols) + c)).Append("</td>");
                }

                sb.Append("</tr>");
            }

            sb.Append("</tbody></table>");
        }
        else
        {
            sb.Append("<pre>").Append(WebUtility.HtmlEncode(ToString())).Append("</pre>");
        }

        return sb.Append("</div>").ToString();
    }

    private static IEnumerable<int> Visible(int size)
    {
        if (size <= 2 * HtmlEdge)
        {
            return Enumerable.Range(0, size);
        }

        return Enumerable.Range(0, HtmlEdge).Append(-1).Concat(Enumerable.Range(size - HtmlEdge, HtmlEdge));
    }

    private void AppendValues(StringBuilder sb, Array values, int dim, int offset, bool summarize)
    {
        if (Rank == 0)
        {
            sb.Append(Format(values, 0));
            return;
        }

        var size = Dims[dim];
        var stride = Shape.ElementCountOf(Dims.AsSpan(dim + 1));
        sb.Append('[');
        for (var i = 0; i < size; i++)
        {
            if (summarize && size > 2 * EdgeItems && i == EdgeItems)
            {
                sb.Append(dim == Rank - 1 ? "..., " : "...,\n" + new string(' ', dim + 1));
                i = size - EdgeItems - 1;
                continue;
            }

            if (dim == Rank - 1)
            {
                sb.Append(Format(values, offset + i));
            }
            else
            {
                AppendValues(sb, values, dim + 1, offset + (i * stride), summarize);
            }

            if (i < size - 1)
            {
                sb.Append(dim == Rank - 1 ? ", " : ",\n" + new string(' ', dim + 1));
            }
        }

        sb.Append(']');
    }

    private static string Format(Array values, int index) => values switch
    {
        float[] f => f[index].ToString("0.0###", CultureInfo.InvariantCulture),
        long[] l => l[index].ToString(CultureInfo.InvariantCulture),
        bool[] b => b[index] ? "true" : "false",
        _ => "?",
    };
}
