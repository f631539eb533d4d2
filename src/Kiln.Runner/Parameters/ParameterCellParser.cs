using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kiln.Runner.Parameters;

/// <summary>Reads the variables declared in a notebook's <c>parameters</c> cell, with their C# types.</summary>
/// <remarks>papermill: the cell tagged <c>parameters</c> gives the defaults. Explicit types (<c>double lr = 0.1;</c>)
/// and <c>var</c> with a literal (<c>var epochs = 5;</c>) are understood.</remarks>
public static class ParameterCellParser
{
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Returns the declarations in <paramref name="source"/>, in order; a declaration of a type the runner cannot
    /// set is returned with a null <see cref="ParameterDeclaration.Type"/>.</summary>
    public static IReadOnlyList<ParameterDeclaration> Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var root = CSharpSyntaxTree.ParseText(source, ScriptOptions).GetCompilationUnitRoot();
        var declarations = new List<ParameterDeclaration>();
        foreach (var member in root.Members)
        {
            var declaration = member switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                _ => null,
            };
            if (declaration is null)
            {
                continue;
            }

            foreach (var variable in declaration.Variables)
            {
                var initializer = variable.Initializer?.Value;
                var type = declaration.Type.IsVar ? InferFromLiteral(initializer) : FromSyntax(declaration.Type);
                declarations.Add(new ParameterDeclaration(
                    variable.Identifier.ValueText,
                    type,
                    declaration.Type.IsVar ? "var" : declaration.Type.ToString(),
                    initializer?.ToString() ?? "default"));
            }
        }

        return declarations;
    }

    private static ParameterType? FromSyntax(TypeSyntax syntax) => syntax switch
    {
        NullableTypeSyntax nullable => FromSyntax(nullable.ElementType) is { } inner ? inner with { IsNullable = true } : null,
        ArrayTypeSyntax { RankSpecifiers.Count: 1 } array when array.RankSpecifiers[0].Rank == 1
            => Scalar(array.ElementType) is { } element ? new ParameterType(element, IsArray: true, IsNullable: false) : null,
        _ => Scalar(syntax) is { } kind ? new ParameterType(kind, IsArray: false, IsNullable: false) : null,
    };

    private static ScalarKind? Scalar(TypeSyntax syntax) => syntax is PredefinedTypeSyntax predefined
        ? predefined.Keyword.Kind() switch
        {
            SyntaxKind.IntKeyword => ScalarKind.Int,
            SyntaxKind.LongKeyword => ScalarKind.Long,
            SyntaxKind.FloatKeyword => ScalarKind.Float,
            SyntaxKind.DoubleKeyword => ScalarKind.Double,
            SyntaxKind.DecimalKeyword => ScalarKind.Decimal,
            SyntaxKind.BoolKeyword => ScalarKind.Bool,
            SyntaxKind.StringKeyword => ScalarKind.String,
            _ => null,
        }
        : null;

    private static ParameterType? InferFromLiteral(ExpressionSyntax? initializer) => initializer switch
    {
        LiteralExpressionSyntax literal => LiteralKind(literal) is { } kind
            ? new ParameterType(kind, IsArray: false, IsNullable: false)
            : null,
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax operand } when initializer.IsKind(SyntaxKind.UnaryMinusExpression)
            => InferFromLiteral(operand),
        ImplicitArrayCreationExpressionSyntax { Initializer.Expressions: [var first, ..] }
            => InferFromLiteral(first) is { IsArray: false } element ? element with { IsArray = true, IsNullable = false } : null,
        ArrayCreationExpressionSyntax creation => FromSyntax(creation.Type),
        _ => null,
    };

    private static ScalarKind? LiteralKind(LiteralExpressionSyntax literal) => literal.Token.Value switch
    {
        int => ScalarKind.Int,
        long => ScalarKind.Long,
        float => ScalarKind.Float,
        double => ScalarKind.Double,
        decimal => ScalarKind.Decimal,
        bool => ScalarKind.Bool,
        string => ScalarKind.String,
        _ => null,
    };
}
