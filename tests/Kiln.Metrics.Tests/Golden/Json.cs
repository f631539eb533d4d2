using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Metrics.Tests.Golden;

/// <summary>Reads fixture numbers, where non-finite floats are written as "NaN", "Infinity" and "-Infinity".</summary>
public static class Json
{
    public static double Double(JsonNode? node) => node!.GetValueKind() switch
    {
        JsonValueKind.String => double.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
        _ => node.GetValue<double>(),
    };

    public static double[] Doubles(JsonNode? node) => node!.AsArray().Select(Double).ToArray();
}
