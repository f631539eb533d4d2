using System.Text.Json;

namespace Kiln.Tensors.Tests.Golden;

/// <summary>One PyTorch reference case from Fixtures/ops.json (written by scripts/golden/tensors.py).</summary>
public sealed class GoldenCase(JsonElement json)
{
    private static readonly Lazy<Dictionary<string, GoldenCase>> All = new(Load);

    public string Name => json.GetProperty("name").GetString()!;

    public string Op => json.GetProperty("op").GetString()!;

    public JsonElement Args => json.GetProperty("args");

    public JsonElement Output => json.GetProperty("output");

    public bool HasGradients => json.TryGetProperty("grads", out _);

    public JsonElement Upstream => json.GetProperty("upstream");

    public JsonElement[] Inputs => [.. json.GetProperty("inputs").EnumerateArray()];

    public JsonElement?[] Gradients => [.. json.GetProperty("grads").EnumerateArray().Select(g => g.ValueKind == JsonValueKind.Null ? (JsonElement?)null : g)];

    public IReadOnlyDictionary<string, JsonElement> Extras => json.TryGetProperty("extras", out var e)
        ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
        : new Dictionary<string, JsonElement>();

    public static IEnumerable<string> Names => All.Value.Keys;

    public static IEnumerable<string> DifferentiableNames => All.Value.Values.Where(c => c.HasGradients).Select(c => c.Name);

    public static GoldenCase Get(string name) => All.Value[name];

    /// <summary>Fresh tensors for the case's inputs; float inputs require grad.</summary>
    public Tensor[] CreateInputs(bool requiresGrad = true) =>
        [.. Inputs.Select(i => ToTensor(i, requiresGrad && i.GetProperty("dtype").GetString() == "float32"))];

    public static Tensor ToTensor(JsonElement t, bool requiresGrad = false)
    {
        var shape = t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var data = t.GetProperty("data");
        Tensor result = t.GetProperty("dtype").GetString() switch
        {
            "float32" => Tensor.FromArray(data.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray(), shape),
            "int64" => Tensor.FromArray(data.EnumerateArray().Select(e => e.GetInt64()).ToArray(), shape),
            _ => Tensor.FromArray(data.EnumerateArray().Select(e => e.GetBoolean()).ToArray(), shape),
        };
        if (shape.Length == 0)
        {
            result = result.Reshape();
        }

        return result.RequireGrad(requiresGrad);
    }

    public static int[] ShapeOf(JsonElement t) => [.. t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32())];

    public static double[] ValuesOf(JsonElement t) => [.. t.GetProperty("data").EnumerateArray().Select(e => e.ValueKind switch
    {
        JsonValueKind.True => 1.0,
        JsonValueKind.False => 0.0,
        _ => e.GetDouble(),
    })];

    public override string ToString() => Name;

    private static Dictionary<string, GoldenCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ops.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => new GoldenCase(c.Clone()))
            .ToDictionary(c => c.Name);
    }
}
