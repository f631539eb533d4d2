using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Charts.Tests.Support;

internal static class Fixtures
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonNode Figure(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Figures", name + ".json")))!;

    /// <summary>Asserts JSON equality (object member order ignored), showing both documents on failure.</summary>
    public static void ShouldEqualJson(this JsonNode actual, JsonNode expected)
    {
        if (!JsonNode.DeepEquals(actual, expected))
        {
            Assert.Fail($"JSON differs.\nExpected:\n{expected.ToJsonString(Indented)}\nActual:\n{actual.ToJsonString(Indented)}");
        }
    }
}
