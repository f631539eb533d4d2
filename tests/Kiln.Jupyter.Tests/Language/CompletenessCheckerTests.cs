using Kiln.Jupyter.Language;

namespace Kiln.Jupyter.Tests.Language;

/// <summary>Statuses as the Jupyter messaging spec defines them for <c>is_complete_request</c>.</summary>
public sealed class CompletenessCheckerTests
{
    [Theory]
    [InlineData("var x = 1;", "complete")]
    [InlineData("x + 1", "complete")]
    [InlineData("#!time\nvar x = 1;", "complete")]
    [InlineData("class A {", "incomplete")]
    [InlineData("var s = \"\"\"\nopen raw string", "incomplete")]
    [InlineData("var x = ;", "invalid")]
    [InlineData("int 1x = 2;", "invalid")]
    public void Check_Code_ReturnsSpecStatus(string code, string status)
    {
        CompletenessChecker.Check(code)["status"]!.GetValue<string>().ShouldBe(status);
    }

    [Fact]
    public void Check_NestedOpenBlock_IndentsOneLevelDeeperThanLastLine()
    {
        CompletenessChecker.Check("if (true)\n{\n    for (;;) {")["indent"]!.GetValue<string>().ShouldBe("        ");
    }
}
