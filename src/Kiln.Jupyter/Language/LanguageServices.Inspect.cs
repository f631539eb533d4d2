using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kiln.Jupyter.Language;

internal sealed partial class LanguageServices
{
    private static readonly SymbolDisplayFormat SignatureFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType);

    /// <summary>Describes the symbol at <paramref name="cursor"/> (a UTF-16 index): its signature, type and documentation summary.</summary>
    /// <returns>The description, or null when there is no symbol there.</returns>
    public async Task<SymbolHelp?> InspectAsync(string code, int cursor, CancellationToken ct)
    {
        var (document, offset) = CreateDocument(code);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (model is null || root is null)
        {
            return null;
        }

        var symbol = SymbolAt(model, root, offset + cursor, ct) ?? SymbolAt(model, root, offset + cursor - 1, ct);
        return symbol is null ? null : Describe(symbol);
    }

    private static ISymbol? SymbolAt(SemanticModel model, SyntaxNode root, int position, CancellationToken ct)
    {
        if (position < 0 || position >= root.FullSpan.End)
        {
            return null;
        }

        var token = root.FindToken(position);
        if (!token.Span.Contains(position) && token.Span.End != position)
        {
            return null;
        }

        for (var node = token.Parent; node is not null && node is not StatementSyntax and not MemberDeclarationSyntax; node = node.Parent)
        {
            var info = model.GetSymbolInfo(node, ct);
            if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is { } symbol)
            {
                return symbol;
            }

            if (model.GetDeclaredSymbol(node, ct) is { } declared)
            {
                return declared;
            }
        }

        return null;
    }

    private static SymbolHelp Describe(ISymbol symbol)
    {
        var signature = symbol.ToDisplayString(SignatureFormat);
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            IMethodSymbol method => method.ReturnType,
            _ => null,
        };
        var summary = Summary(symbol) ?? (type is null ? null : Summary(type.OriginalDefinition));
        var kind = symbol.Kind == SymbolKind.Local ? "variable" : symbol.Kind.ToString().ToLowerInvariant();

        var plain = new StringBuilder().Append(kind).Append(' ').Append(signature);
        var markdown = new StringBuilder().Append("```csharp\n").Append(signature).Append("\n```\n");
        if (type is not null && symbol is not IMethodSymbol)
        {
            var typeName = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            plain.Append("\nType: ").Append(typeName);
            markdown.Append("\nType: `").Append(typeName).Append("`\n");
        }

        if (summary is not null)
        {
            plain.Append("\n\n").Append(summary);
            markdown.Append('\n').Append(summary).Append('\n');
        }

        return new SymbolHelp(plain.ToString(), markdown.ToString());
    }

    private static string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml(expandIncludes: true);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            if (summary is null)
            {
                return null;
            }

            var text = new StringBuilder();
            foreach (var node in summary.Nodes())
            {
                text.Append(node switch
                {
                    XText t => t.Value,
                    XElement e when e.Attribute("cref") is { } cref => cref.Value.Length > 2 && cref.Value[1] == ':' ? cref.Value[2..] : cref.Value,
                    XElement e when e.Attribute("langword") is { } word => word.Value,
                    XElement e => e.Value,
                    _ => string.Empty,
                });
            }

            return string.Join(' ', text.ToString().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}

/// <summary>Help for a symbol, as plain text and as Markdown.</summary>
internal sealed record SymbolHelp(string PlainText, string Markdown);
