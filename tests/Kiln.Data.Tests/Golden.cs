using System.Text.Json.Nodes;

namespace Kiln.Data.Tests;

/// <summary>Loads the pandas / scikit-learn fixtures written by scripts/golden/data.py and compares numbers.</summary>
internal static class Golden
{
    public static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)))!;

    /// <summary>Builds a frame from the fixture's [{name, kind, values}] list.</summary>
    public static Frame Frame(JsonNode columns) => new(columns.AsArray().Select(c => Column(c!["name"]!.GetValue<string>(), c["kind"]!.GetValue<string>(), c["values"]!.AsArray())));

    public static DataColumn Column(string name, string kind, JsonArray values) => kind switch
    {
        "Float64" => new PrimitiveColumn<double>(name, values.Select(v => v is null ? (double?)null : v.GetValue<double>())),
        "Int64" => new PrimitiveColumn<long>(name, values.Select(v => v is null ? (long?)null : v.GetValue<long>())),
        "Boolean" => new PrimitiveColumn<bool>(name, values.Select(v => v is null ? (bool?)null : v.GetValue<bool>())),
        _ => new StringColumn(name, values.Select(v => v?.GetValue<string>())),
    };

    public static double? Number(JsonNode? node) => node?.GetValue<double>();

    public static double[] Doubles(JsonNode node) => node.AsArray().Select(v => v is null ? double.NaN : v.GetValue<double>()).ToArray();

    public static double[][] Matrix(JsonNode node) => node.AsArray().Select(r => Doubles(r!)).ToArray();

    public static string[] Strings(JsonNode node) => node.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    /// <summary>Asserts equality within 1e-12 relative (absolute near zero); NaN equals NaN.</summary>
    public static void Close(double actual, double expected, string what)
    {
        if (double.IsNaN(expected))
        {
            double.IsNaN(actual).ShouldBeTrue($"{what}: expected NaN/null but got {actual}");
            return;
        }

        var tolerance = 1e-12 * Math.Max(1.0, Math.Max(Math.Abs(actual), Math.Abs(expected)));
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(tolerance, $"{what}: expected {expected:R} but got {actual:R}");
    }

    public static void Close(IReadOnlyList<double> actual, IReadOnlyList<double> expected, string what)
    {
        actual.Count.ShouldBe(expected.Count, what);
        for (var i = 0; i < expected.Count; i++)
        {
            Close(actual[i], expected[i], $"{what}[{i}]");
        }
    }

    /// <summary>Compares frame columns with a row-major expected matrix.</summary>
    public static void Close(Frame frame, string[] columns, double[][] expected, string what)
    {
        for (var j = 0; j < columns.Length; j++)
        {
            Close(frame[columns[j]].ToDoubleArray(), expected.Select(r => r[j]).ToArray(), $"{what} column {columns[j]}");
        }
    }
}
