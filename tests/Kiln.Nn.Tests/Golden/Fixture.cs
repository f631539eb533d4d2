using System.Text.Json;
using Kiln.Nn;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Golden;

/// <summary>Reads the PyTorch fixtures written by scripts/golden/nn.py.</summary>
internal static class Fixture
{
    private static readonly Dictionary<string, JsonElement> Cache = [];
    private static readonly Lock Gate = new();

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static JsonElement Load(string name)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(name, out var root))
            {
                root = JsonDocument.Parse(File.ReadAllText(PathOf(name))).RootElement.Clone();
                Cache[name] = root;
            }

            return root;
        }
    }

    public static JsonElement Case(string file, string name) =>
        Load(file).EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<TheoryDataRow<string>> Names(string file) =>
        Load(file).EnumerateArray().Select(c => new TheoryDataRow<string>(c.GetProperty("name").GetString()!));

    public static Tensor ToTensor(JsonElement t, bool requiresGrad = false)
    {
        var shape = ShapeOf(t);
        var data = t.GetProperty("data");
        Tensor result = t.GetProperty("dtype").GetString() switch
        {
            "float32" or "float64" => Tensor.FromArray(data.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray(), shape),
            "int64" => Tensor.FromArray(data.EnumerateArray().Select(e => e.GetInt64()).ToArray(), shape),
            _ => Tensor.FromArray(data.EnumerateArray().Select(e => e.GetBoolean()).ToArray(), shape),
        };
        if (shape.Length == 0)
        {
            result = result.Reshape();
        }

        return requiresGrad ? result.RequireGrad() : result;
    }

    public static int[] ShapeOf(JsonElement t) => [.. t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32())];

    public static double[] Values(JsonElement t) => [.. t.GetProperty("data").EnumerateArray().Select(e => e.ValueKind switch
    {
        JsonValueKind.True => 1.0,
        JsonValueKind.False => 0.0,
        _ => e.GetDouble(),
    })];

    public static StateDict ToStateDict(JsonElement state)
    {
        var dict = new StateDict();
        foreach (var p in state.EnumerateObject())
        {
            dict.Set(p.Name, ToTensor(p.Value));
        }

        return dict;
    }

    public static Tensor Floats(JsonElement array) => Tensor.FromArray(array.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray());
}
