using Kiln.Display;
using Kiln.Kernel.Formatting;

namespace Kiln.Kernel.Tests.Formatting;

[CollectionDefinition(nameof(FormatterRegistry), DisableParallelization = true)]
public sealed class FormatterRegistry;

[Collection(nameof(FormatterRegistry))]
public class FormatterTests
{
    public sealed record Person(string Name, int Age);

    public sealed class Plain
    {
        public string Label { get; init; } = "";

        public double[] Values { get; init; } = [];
    }

    private sealed class Chart : IDisplayable
    {
        public MimeBundle ToMimeBundle() => new MimeBundle().Add(MimeTypes.Svg, "<svg/>").Add(MimeTypes.PlainText, "chart");
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData(2.5, "2.5")]
    [InlineData("hello", "hello")]
    [InlineData(true, "True")]
    [InlineData(DayOfWeek.Friday, "Friday")]
    public void Format_Scalar_IsPlainTextOnly(object value, string expected)
    {
        var bundle = Formatter.Format(value);
        bundle.MimeTypes.ShouldBe([MimeTypes.PlainText]);
        bundle.GetText(MimeTypes.PlainText).ShouldBe(expected);
    }

    [Fact]
    public void Format_DateTime_IsRoundTripText()
    {
        var bundle = Formatter.Format(new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        bundle.GetText(MimeTypes.PlainText).ShouldBe("2024-05-06T07:08:09.0000000Z");
        bundle.Contains(MimeTypes.Html).ShouldBeFalse();
    }

    [Fact]
    public void Format_ListLongerThanLimit_ShowsLimitAndMoreCount()
    {
        var bundle = Formatter.Format(Enumerable.Range(1, 25).ToList());
        bundle.GetText(MimeTypes.PlainText).ShouldBe("[ " + string.Join(", ", Enumerable.Range(1, 20)) + " ... (5 more) ]");
        var html = bundle.GetText(MimeTypes.Html)!;
        html.ShouldStartWith("<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead>");
        html.ShouldContain("<tr><td>19</td><td>20</td></tr>");
        html.ShouldNotContain("<td>21</td>");
        html.ShouldContain("<i>(5 more)</i>");
        html.ShouldNotContain("<style");
    }

    [Fact]
    public void Format_SequenceLongerThanLimit_ShowsMoreCountWhenKnown()
    {
        Formatter.Format(new HashSet<int>(Enumerable.Range(1, 30))).GetText(MimeTypes.PlainText).ShouldEndWith("20 ... (10 more) ]");
        Formatter.Format(Enumerable.Range(1, 30).Where(i => i > 0)).GetText(MimeTypes.PlainText).ShouldEndWith("20 ... (more) ]");
    }

    [Fact]
    public void Format_ListOfObjects_HasOneColumnPerProperty()
    {
        var html = Formatter.Format(new[] { new Person("Ada", 36), new Person("<Bob>", 7) }).GetText(MimeTypes.Html)!;
        html.ShouldBe("<table><thead><tr><th><i>index</i></th><th>Name</th><th>Age</th></tr></thead><tbody>"
            + "<tr><td>0</td><td>Ada</td><td>36</td></tr><tr><td>1</td><td>&lt;Bob&gt;</td><td>7</td></tr></tbody></table>");
    }

    [Fact]
    public void Format_Dictionary_HasKeyColumn()
    {
        var html = Formatter.Format(new Dictionary<string, int> { ["a"] = 1 }).GetText(MimeTypes.Html)!;
        html.ShouldBe("<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table>");
    }

    [Fact]
    public void Format_Object_IsPropertyTableAndPropertyList()
    {
        var bundle = Formatter.Format(new Plain { Label = "a&b", Values = [1, 2] });
        bundle.GetText(MimeTypes.Html).ShouldBe(
            "<table><caption>Plain</caption><tbody><tr><th>Label</th><td>a&amp;b</td></tr><tr><th>Values</th><td>[ 1, 2 ]</td></tr></tbody></table>");
        bundle.GetText(MimeTypes.PlainText).ShouldBe("Plain\n  Label: a&b\n  Values: [ 1, 2 ]");
    }

    [Fact]
    public void Format_Record_PlainTextIsItsToString()
    {
        Formatter.Format(new Person("Ada", 36)).GetText(MimeTypes.PlainText).ShouldBe("Person { Name = Ada, Age = 36 }");
    }

    [Fact]
    public void Format_Displayable_UsesItsOwnBundle()
    {
        var bundle = Formatter.Format(new Chart());
        bundle.MimeTypes.ShouldBe([MimeTypes.Svg, MimeTypes.PlainText]);
    }

    [Fact]
    public void Format_Exception_IsReadablePlainText()
    {
        var bundle = Formatter.Format(new InvalidOperationException("bad", new FormatException("worse")));
        bundle.GetText(MimeTypes.PlainText).ShouldBe("System.InvalidOperationException: bad ---> System.FormatException: worse");
    }

    [Fact]
    public void Format_Null_IsNullString() => Formatter.Format(null).GetText(MimeTypes.PlainText).ShouldBe("<null>");

    [Fact]
    public void Format_RequestedMimeType_ProducesThatTypeAndPlainText()
    {
        var bundle = Formatter.Format(new Person("Ada", 36), MimeTypes.Json);
        bundle.GetJson(MimeTypes.Json)!["Name"]!.GetValue<string>().ShouldBe("Ada");
        bundle.Contains(MimeTypes.PlainText).ShouldBeTrue();
        bundle.Contains(MimeTypes.Html).ShouldBeFalse();
    }

    [Fact]
    public void Register_UserFormatter_WinsAndAppliesInsideCollections()
    {
        try
        {
            Formatter.Register<Person>(p => $"<i>{p.Name}</i>");
            Formatter.Format(new Person("Ada", 36)).GetText(MimeTypes.Html).ShouldBe("<i>Ada</i>");
            Formatter.Format(new[] { new Person("Ada", 36) }).GetText(MimeTypes.Html)!.ShouldContain("<td><i>Ada</i></td>");
        }
        finally
        {
            Formatter.ResetToDefault();
        }
    }

    [Fact]
    public void Register_OpenGeneric_AppliesToConstructedTypes_ButClosedRegistrationWins()
    {
        try
        {
            Formatter.Register(typeof(List<>), v => "open", MimeTypes.PlainText);
            Formatter.Format(new List<string> { "x" }).GetText(MimeTypes.PlainText).ShouldBe("open");
            Formatter.Register<List<int>>(v => "closed", MimeTypes.PlainText);
            Formatter.Format(new List<int> { 1 }).GetText(MimeTypes.PlainText).ShouldBe("closed");
            Formatter.Format(new List<string> { "x" }).GetText(MimeTypes.PlainText).ShouldBe("open");
        }
        finally
        {
            Formatter.ResetToDefault();
        }
    }

    [Fact]
    public void SetPreferredMimeTypesFor_Type_LimitsTheBundle()
    {
        try
        {
            Formatter.SetPreferredMimeTypesFor(typeof(Person), MimeTypes.PlainText);
            Formatter.Format(new Person("Ada", 36)).MimeTypes.ShouldBe([MimeTypes.PlainText]);
        }
        finally
        {
            Formatter.ResetToDefault();
        }
    }

    [Fact]
    public void ListExpansionLimit_Changed_ThenResetToDefault_RestoresTwenty()
    {
        try
        {
            Formatter.ListExpansionLimit = 2;
            Formatter.Format(new[] { 1, 2, 3 }).GetText(MimeTypes.PlainText).ShouldBe("[ 1, 2 ... (1 more) ]");
        }
        finally
        {
            Formatter.ResetToDefault();
        }

        Formatter.ListExpansionLimit.ShouldBe(20);
    }

    [Fact]
    public void RecursionLimit_SelfReferencingObject_StopsAtTypeName()
    {
        var node = new Node();
        node.Next = node;
        var text = Formatter.Format(node).GetText(MimeTypes.PlainText)!;
        text.ShouldStartWith("Node\n  Next: Node { Next: Node { Next:");
        text.ShouldEndWith("Node } } } } }");
    }

    [Fact]
    public void ToDisplayString_Html_ReturnsHtmlText()
    {
        new[] { 1 }.ToDisplayStringForTest().ShouldContain("<table>");
    }

    public sealed class Node
    {
        public Node? Next { get; set; }
    }
}

internal static class FormatterTestExtensions
{
    public static string ToDisplayStringForTest(this object value) => Formatter.ToDisplayString(value, MimeTypes.Html);
}
