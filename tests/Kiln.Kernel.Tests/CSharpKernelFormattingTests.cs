using Kiln.Display;
using Kiln.Kernel.Formatting;
using Kiln.Kernel.Tests.Formatting;

namespace Kiln.Kernel.Tests;

[Collection(nameof(FormatterRegistry))]
public class CSharpKernelFormattingTests
{
    [Fact]
    public async Task ReturnValue_ListBeyondLimit_IsTableAndTruncatedText()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("Enumerable.Range(0, 30).ToArray()");
        result.ReturnText.ShouldEndWith("19 ... (10 more) ]");
        result.ReturnValue!.GetText(MimeTypes.Html)!.ShouldContain("(10 more)");
    }

    [Fact]
    public async Task ReturnValue_ObjectFromCell_HasPropertyTableNamedWithoutSubmissionPrefix()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("class Sample { public int A { get; } = 1; public string B { get; } = \"<b>\"; }\nnew Sample()");
        result.ReturnValue!.GetText(MimeTypes.Html).ShouldBe(
            "<table><caption>Sample</caption><tbody><tr><th>A</th><td>1</td></tr><tr><th>B</th><td>&lt;b&gt;</td></tr></tbody></table>");
        result.ReturnText.ShouldBe("Sample\n  A: 1\n  B: <b>");
    }

    [Fact]
    public async Task ReturnValue_DisplayableFromCell_UsesItsBundle()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync(
            "class Badge : IDisplayable { public MimeBundle ToMimeBundle() => new MimeBundle().Add(\"text/markdown\", \"**ok**\").Add(\"text/plain\", \"ok\"); }\nnew Badge()");
        result.ReturnValue!.MimeTypes.ShouldBe([MimeTypes.Markdown, MimeTypes.PlainText]);
    }

    [Fact]
    public async Task ReturnValue_UserFormatterRegisteredInCell_IsUsed()
    {
        await using var kernel = new CSharpKernel();
        try
        {
            await kernel.RunOkAsync("record Money(decimal Amount);\nFormatter.Register<Money>(m => $\"<b>{m.Amount:0.00} EUR</b>\");");
            var result = await kernel.RunOkAsync("new Money(3.5m)");
            result.ReturnValue!.GetText(MimeTypes.Html).ShouldBe("<b>3.50 EUR</b>");
            result.ReturnText.ShouldBe("Money { Amount = 3.5 }");
        }
        finally
        {
            Formatter.ResetToDefault();
        }
    }

    [Fact]
    public async Task Display_WithMimeType_ProducesOnlyThatTypeAndPlainText()
    {
        await using var kernel = new CSharpKernel();
        var result = await kernel.RunOkAsync("display(new[] { 1, 2 }, \"application/json\");");
        result.Displays[0].Bundle.MimeTypes.ShouldBe([MimeTypes.Json, MimeTypes.PlainText]);
    }
}
