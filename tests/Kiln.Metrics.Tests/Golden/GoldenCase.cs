using System.Text.Json.Nodes;

namespace Kiln.Metrics.Tests.Golden;

/// <summary>One scikit-learn call recorded by scripts/golden/metrics.py: inputs, result or error, and warnings.</summary>
public sealed class GoldenCase
{
    private GoldenCase(int index, JsonObject node)
    {
        Index = index;
        Node = node;
        Fn = node["fn"]!.GetValue<string>();
        Args = node["a"]!.AsObject();
        Result = node["r"];
        Error = node["e"]?.GetValue<string>();
        Warnings = node["w"]?.AsArray().Select(w => (w![0]!.GetValue<string>(), w[1]!.GetValue<string>())).ToList() ?? [];
    }

    public int Index { get; }

    public JsonObject Node { get; }

    public string Fn { get; }

    public JsonObject Args { get; }

    public JsonNode? Result { get; }

    public string? Error { get; }

    public IReadOnlyList<(string Category, string Message)> Warnings { get; }

    /// <summary>The warnings Kiln mirrors (scikit-learn's own categories; numpy RuntimeWarnings are not compared).</summary>
    public IReadOnlyList<(string Category, string Message)> MetricWarnings =>
        Warnings.Where(w => w.Category is MetricWarning.UndefinedMetric or MetricWarning.User).ToList();

    public bool HasStringLabels => Args["y_true"] is JsonArray { Count: > 0 } a && a[0]!.GetValueKind() == System.Text.Json.JsonValueKind.String
        || Args["y_pred"] is JsonArray { Count: > 0 } p && p[0]!.GetValueKind() == System.Text.Json.JsonValueKind.String;

    public static IReadOnlyList<GoldenCase> Load(string file, string fn)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        return root["cases"]!.AsArray().Select((c, i) => new GoldenCase(i, c!.AsObject())).Where(c => c.Fn == fn).ToList();
    }

    public bool IsNull(string key) => Args[key] is null;

    public int[] Ints(string key) => Args[key]!.AsArray().Select(x => x!.GetValue<int>()).ToArray();

    public long[] Longs(string key) => Args[key]!.AsArray().Select(x => x!.GetValue<long>()).ToArray();

    public string[] Strings(string key) => Args[key]!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    public double[] Doubles(string key) => Json.Doubles(Args[key]);

    public double[] Weights() => Args["sample_weight"] is null ? [] : Json.Doubles(Args["sample_weight"]);

    public double[,] Matrix(string key)
    {
        var rows = Args[key]!.AsArray();
        var k = rows.Count == 0 ? 0 : rows[0]!.AsArray().Count;
        var m = new double[rows.Count, k];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < k; j++)
            {
                m[i, j] = Json.Double(rows[i]![j]);
            }
        }

        return m;
    }

    public bool Is2D(string key) => Args[key] is JsonArray { Count: > 0 } a && a[0] is JsonArray;

    public override string ToString() => $"#{Index} {Fn} {Node.ToJsonString()}";
}
