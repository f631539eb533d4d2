using Kiln.Runner.Parameters;

namespace Kiln.Runner.Tests.Parameters;

public class ParameterCellParserTests
{
    [Fact]
    public void Parse_ExplicitAndVarDeclarations_InfersEveryType()
    {
        const string source = """
            int epochs = 5;
            var seed = 42L;
            double lr = 1e-3;
            var momentum = 0.9;
            float scale = 2f;
            bool verbose = false;
            string device = "cpu";
            string? tag = null;
            int[] sizes = { 64, 32 };
            var names = new[] { "a", "b" };
            """;

        var parsed = ParameterCellParser.Parse(source).ToDictionary(d => d.Name, d => d.Type?.CSharpName);

        parsed.ShouldBe(new Dictionary<string, string?>
        {
            ["epochs"] = "int",
            ["seed"] = "long",
            ["lr"] = "double",
            ["momentum"] = "double",
            ["scale"] = "float",
            ["verbose"] = "bool",
            ["device"] = "string",
            ["tag"] = "string?",
            ["sizes"] = "int[]",
            ["names"] = "string[]",
        });
    }

    [Fact]
    public void Parse_UnsupportedType_KeepsDeclarationWithoutType()
    {
        var parsed = ParameterCellParser.Parse("var list = new List<int>();\n// comment\nConsole.WriteLine(1);");

        parsed.Count.ShouldBe(1);
        parsed[0].Name.ShouldBe("list");
        parsed[0].Type.ShouldBeNull();
    }
}
