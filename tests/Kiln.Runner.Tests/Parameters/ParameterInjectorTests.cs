using System.Text.Json.Nodes;
using Kiln.Runner.Parameters;

namespace Kiln.Runner.Tests.Parameters;

public class ParameterInjectorTests
{
    private static readonly IReadOnlyList<ParameterDeclaration> Declarations = ParameterCellParser.Parse("""
        int epochs = 5;
        long seed = 1;
        double lr = 0.1;
        float scale = 1f;
        decimal price = 1m;
        bool verbose = false;
        string device = "cpu";
        int[] sizes = { 1 };
        double? limit = null;
        var items = new List<int>();
        """);

    [Fact]
    public void BuildSource_ValuesOfEveryType_WritesTypedDeclarations()
    {
        var values = new Dictionary<string, JsonNode?>
        {
            ["epochs"] = "12",
            ["seed"] = "9007199254740993",
            ["lr"] = "1e-4",
            ["scale"] = JsonValue.Create(0.5),
            ["price"] = "19.99",
            ["verbose"] = "True",
            ["device"] = "gpu \"0\"",
            ["sizes"] = "[64, 32]",
            ["limit"] = "null",
        };

        var source = ParameterInjector.BuildSource(Declarations, values);

        source.ShouldBe("""
            // Parameters injected by kiln run
            int epochs = 12;
            long seed = 9007199254740993L;
            double lr = 0.0001d;
            float scale = 0.5f;
            decimal price = 19.99m;
            bool verbose = true;
            string device = "gpu \"0\"";
            int[] sizes = new int[] { 64, 32 };
            double? limit = null;
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void BuildSource_CommaSeparatedArray_SplitsElements() =>
        ParameterInjector.BuildSource(Declarations, new Dictionary<string, JsonNode?> { ["sizes"] = "3, 4" })
            .ShouldEndWith("int[] sizes = new int[] { 3, 4 };");

    [Theory]
    [InlineData("epochs", "five", "declared as int, but the value 'five' cannot be converted")]
    [InlineData("verbose", "maybe", "expected true or false")]
    [InlineData("epochs", "null", "not nullable")]
    [InlineData("sizes", "[1, \"x\"]", "'x' cannot be converted")]
    [InlineData("unknown", "1", "Unknown parameter 'unknown'")]
    [InlineData("items", "1", "cannot set")]
    public void BuildSource_BadValue_ThrowsNamingParameterAndProblem(string name, string value, string expected)
    {
        var ex = Should.Throw<ParameterException>(() =>
            ParameterInjector.BuildSource(Declarations, new Dictionary<string, JsonNode?> { [name] = value }));

        ex.Message.ShouldContain(expected);
        ex.Message.ShouldContain(name == "sizes" ? "sizes" : name);
    }
}
