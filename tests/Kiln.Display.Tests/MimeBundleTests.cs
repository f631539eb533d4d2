using System.Text.Json.Nodes;
using Kiln.Display;

namespace Kiln.Display.Tests;

public class MimeBundleTests
{
    [Fact]
    public void Add_TextThenReplace_KeepsInsertionOrderAndLatestValue()
    {
        var bundle = new MimeBundle()
            .Add(MimeTypes.Html, "<b>1</b>")
            .Add(MimeTypes.PlainText, "1")
            .Add(MimeTypes.Html, "<i>1</i>");

        bundle.MimeTypes.ShouldBe([MimeTypes.Html, MimeTypes.PlainText]);
        bundle.GetText(MimeTypes.Html).ShouldBe("<i>1</i>");
    }

    [Fact]
    public void Add_JsonForTextType_ThrowsNamingTheType()
    {
        var bundle = new MimeBundle();

        var ex = Should.Throw<ArgumentException>(() => bundle.Add(MimeTypes.Html, new JsonObject()));

        ex.Message.ShouldContain("text/html");
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/vnd.plotly.v1+json", true)]
    [InlineData("text/html", false)]
    [InlineData("image/png", false)]
    public void IsJson_KnownTypes_MatchesNbformatRule(string mimeType, bool expected) =>
        MimeTypes.IsJson(mimeType).ShouldBe(expected);

    [Fact]
    public void GetJson_PlotlyFigure_ReturnsNode()
    {
        var figure = new JsonObject { ["data"] = new JsonArray() };
        var bundle = new MimeBundle().Add(MimeTypes.PlotlyJson, figure);

        bundle.GetJson(MimeTypes.PlotlyJson).ShouldBeSameAs(figure);
        bundle.GetText(MimeTypes.PlotlyJson).ShouldBeNull();
    }
}
