using System.Text;
using System.Text.Json.Nodes;

namespace Kiln.Runner.Parameters;

/// <summary>Builds the source of the <c>injected-parameters</c> cell from the declared defaults and the given values.</summary>
/// <remarks>papermill: the injected cell follows the <c>parameters</c> cell and re-declares each given parameter.
/// Every name and value is checked before anything runs.</remarks>
public static class ParameterInjector
{
    /// <summary>The tag on the cell that declares the defaults.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag on the cell the runner inserts.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>Returns the injected cell's source for <paramref name="values"/>.</summary>
    /// <param name="declarations">The declarations of the <c>parameters</c> cell.</param>
    /// <param name="values">The values by name, as JSON (strings from the command line, any JSON from a file).</param>
    /// <exception cref="ParameterException">An unknown name, an unsupported type or a value that cannot convert.</exception>
    public static string BuildSource(IReadOnlyList<ParameterDeclaration> declarations, IReadOnlyDictionary<string, JsonNode?> values)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(values);
        var byName = declarations.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var source = new StringBuilder("// Parameters injected by kiln run\n");
        foreach (var (name, value) in values)
        {
            if (!byName.TryGetValue(name, out var declaration))
            {
                var known = byName.Count == 0 ? "it declares none" : "it declares: " + string.Join(", ", byName.Keys);
                throw new ParameterException($"Unknown parameter '{name}': the notebook's 'parameters' cell does not declare it ({known}).");
            }

            if (declaration.Type is null)
            {
                throw new ParameterException(
                    $"Parameter '{name}' is declared as '{declaration.TypeText}', which kiln run cannot set. " +
                    "Use int, long, float, double, decimal, bool, string or a one-dimensional array of those (var with a literal works too).");
            }

            source.Append(declaration.Type.CSharpName).Append(' ').Append(name).Append(" = ")
                .Append(ParameterLiteral.Format(name, declaration.Type, value)).Append(";\n");
        }

        return source.ToString().TrimEnd('\n');
    }
}
