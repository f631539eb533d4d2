using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.Runner.Parameters;

/// <summary>Converts a parameter value from the command line (text) or a JSON file to a C# literal of the declared type.</summary>
public static class ParameterLiteral
{
    /// <summary>Returns the C# source for <paramref name="value"/> as a <paramref name="type"/>.</summary>
    /// <param name="name">The parameter name, for error messages.</param>
    /// <param name="type">The declared type.</param>
    /// <param name="value">A JSON value: a string from <c>-p name=value</c> or any JSON value from <c>-f params.json</c>.</param>
    /// <exception cref="ParameterException">The value cannot be converted; the message names the parameter, the value and the type.</exception>
    public static string Format(string name, ParameterType type, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        // "null" on the command line means null, except for a plain string, where it is the text "null".
        var nullText = value is JsonValue text && text.TryGetValue(out string? s) && s == "null"
            && (type.IsNullable || type.IsArray || type.ElementKind != ScalarKind.String);
        if (value is null || nullText)
        {
            return type.IsNullable || (value is null && type.ElementKind == ScalarKind.String && !type.IsArray)
                ? "null"
                : throw Invalid(name, type, "null", $"the parameter is not nullable (declare it as {type.CSharpName}? to allow null)");
        }

        return type.IsArray ? FormatArray(name, type, value) : FormatScalar(name, type, value);
    }

    private static string FormatArray(string name, ParameterType type, JsonNode value)
    {
        var items = value switch
        {
            JsonArray array => array.ToList(),
            JsonValue v when v.TryGetValue(out string? text) => SplitText(name, type, text),
            _ => throw Invalid(name, type, value.ToJsonString(), "expected a JSON array such as [1, 2, 3]"),
        };
        var element = type with { IsArray = false, IsNullable = false };
        var literals = items.Select(item => item is null
            ? throw Invalid(name, type, "null", "array elements cannot be null")
            : FormatScalar(name, element, item));
        return $"new {element.CSharpName}[] {{ {string.Join(", ", literals)} }}";
    }

    private static List<JsonNode?> SplitText(string name, ParameterType type, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(trimmed) is JsonArray parsed
                    ? parsed.Select(n => n?.DeepClone()).ToList()
                    : throw Invalid(name, type, text, "expected a JSON array such as [1, 2, 3]");
            }
            catch (JsonException ex)
            {
                throw new ParameterException($"Parameter '{name}': '{text}' is not a valid JSON array ({ex.Message}).", ex);
            }
        }

        return trimmed.Length == 0
            ? []
            : trimmed.Split(',').Select(part => (JsonNode?)JsonValue.Create(part.Trim())).ToList();
    }

    private static string FormatScalar(string name, ParameterType type, JsonNode value)
    {
        if (value is not JsonValue scalar)
        {
            throw Invalid(name, type, value.ToJsonString(), "expected a single value");
        }

        var text = scalar.GetValueKind() switch
        {
            JsonValueKind.String => scalar.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => scalar.ToJsonString(),
        };
        return type.ElementKind switch
        {
            ScalarKind.String => SymbolDisplay.FormatLiteral(text, quote: true),
            ScalarKind.Bool => bool.TryParse(text, out var b) ? (b ? "true" : "false") : throw Invalid(name, type, text, "expected true or false"),
            ScalarKind.Int => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                ? i.ToString(CultureInfo.InvariantCulture) : throw Invalid(name, type, text, "expected a whole number in the int range"),
            ScalarKind.Long => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                ? l.ToString(CultureInfo.InvariantCulture) + "L" : throw Invalid(name, type, text, "expected a whole number in the long range"),
            ScalarKind.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? FloatingLiteral(d, "double", "d") : throw Invalid(name, type, text, "expected a number such as 0.5 or 1e-3"),
            ScalarKind.Float => float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
                ? FloatingLiteral(f, "float", "f") : throw Invalid(name, type, text, "expected a number such as 0.5 or 1e-3"),
            _ => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
                ? m.ToString(CultureInfo.InvariantCulture) + "m" : throw Invalid(name, type, text, "expected a decimal number"),
        };
    }

    private static string FloatingLiteral(double value, string typeName, string suffix) => value switch
    {
        double.NaN => $"{typeName}.NaN",
        double.PositiveInfinity => $"{typeName}.PositiveInfinity",
        double.NegativeInfinity => $"{typeName}.NegativeInfinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture) + suffix,
    };

    private static string FloatingLiteral(float value, string typeName, string suffix) => float.IsFinite(value)
        ? value.ToString("R", CultureInfo.InvariantCulture) + suffix
        : FloatingLiteral((double)value, typeName, suffix);

    private static ParameterException Invalid(string name, ParameterType type, string value, string reason) =>
        new($"Parameter '{name}' is declared as {type.CSharpName}, but the value '{value}' cannot be converted: {reason}.");
}
